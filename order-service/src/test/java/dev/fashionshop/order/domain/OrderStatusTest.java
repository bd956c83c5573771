package dev.fashionshop.order.domain;

import static dev.fashionshop.order.domain.OrderStatus.ACCEPTED;
import static dev.fashionshop.order.domain.OrderStatus.CANCELLED;
import static dev.fashionshop.order.domain.OrderStatus.CANCEL_REQUESTED;
import static dev.fashionshop.order.domain.OrderStatus.DELIVERED;
import static dev.fashionshop.order.domain.OrderStatus.EXPIRED;
import static dev.fashionshop.order.domain.OrderStatus.PAID;
import static dev.fashionshop.order.domain.OrderStatus.PAYMENT_DECLINED;
import static dev.fashionshop.order.domain.OrderStatus.PAYMENT_DEFERRED;
import static dev.fashionshop.order.domain.OrderStatus.PAYMENT_PENDING;
import static dev.fashionshop.order.domain.OrderStatus.REJECTED;
import static dev.fashionshop.order.domain.OrderStatus.SHIPPING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.fashionshop.support.domain.IllegalTransitionException;
import dev.fashionshop.testsupport.TransitionTables;

class OrderStatusTest {

    @Test
    void theSagaAllowsTheseMovesAndNoOther() {
        TransitionTables.assertAllowsExactly(OrderStatus.TRANSITIONS, OrderStatus.class, Map.of(
                PAYMENT_PENDING, Set.of(PAID, PAYMENT_DECLINED, PAYMENT_DEFERRED),
                PAYMENT_DEFERRED, Set.of(PAYMENT_PENDING, PAYMENT_DECLINED, EXPIRED, CANCELLED),
                PAID, Set.of(ACCEPTED, SHIPPING, DELIVERED, REJECTED, CANCEL_REQUESTED),
                ACCEPTED, Set.of(SHIPPING, DELIVERED, CANCEL_REQUESTED),
                SHIPPING, Set.of(DELIVERED, CANCEL_REQUESTED),
                CANCEL_REQUESTED, Set.of(CANCELLED)));
    }

    @Test
    void aPaidOrderCancelledWaitsForTheStoreAndOneNeverPaidEndsAtOnce() {
        assertThat(order(SHIPPING).cancel().status()).isEqualTo("CANCEL_REQUESTED");
        assertThat(order(PAYMENT_DEFERRED).cancel().status()).isEqualTo("CANCELLED");
    }

    @Test
    void anOrderCannotBeCancelledTwiceNorOnceDelivered() {
        for (OrderStatus status : Set.of(CANCEL_REQUESTED, DELIVERED, PAYMENT_PENDING)) {
            Order order = order(status);
            assertThatThrownBy(order::cancel).isInstanceOfSatisfying(IllegalTransitionException.class,
                    refused -> assertThat(refused.currentState()).isEqualTo(status));
            assertThat(order.status).isEqualTo(status);
        }
    }

    private static Order order(OrderStatus status) {
        Order order = new Order();
        order.id = UUID.randomUUID();
        order.buyerId = "alice";
        order.status = status;
        return order;
    }
}
