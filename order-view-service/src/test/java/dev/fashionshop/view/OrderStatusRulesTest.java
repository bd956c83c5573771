package dev.fashionshop.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.fashionshop.view.domain.OrderStatusRules;

/** The view's status from the facts each service reported, including the ones order-service alone decides. */
class OrderStatusRulesTest {

    @Test
    void aPaymentApprovedAfterTheCallTimedOutDoesNotMakeADeferredOrderPaid() {
        assertThat(OrderStatusRules.derive("PAYMENT_DEFERRED", "APPROVED", null, null)).isEqualTo("PAYMENT_DEFERRED");
        assertThat(OrderStatusRules.derive("EXPIRED", "APPROVED", null, null)).isEqualTo("EXPIRED");
        assertThat(OrderStatusRules.derive("EXPIRED", "REFUNDED", null, null)).isEqualTo("EXPIRED");
        assertThat(OrderStatusRules.derive("PAID", "APPROVED", null, null)).isEqualTo("PAID");
    }

    @Test
    void aDeclineEndsADeferredOrderButNotAnExpiredOrCancelledOne() {
        assertThat(OrderStatusRules.derive("PAYMENT_DEFERRED", "DECLINED", null, null)).isEqualTo("PAYMENT_DECLINED");
        assertThat(OrderStatusRules.derive("EXPIRED", "DECLINED", null, null)).isEqualTo("EXPIRED");
        assertThat(OrderStatusRules.derive("CANCELLED", "DECLINED", null, null)).isEqualTo("CANCELLED");
        assertThat(OrderStatusRules.derive(null, "DECLINED", null, null)).isEqualTo("PAYMENT_DECLINED");
    }

    @Test
    void theFurthestStepOfTheSagaWins() {
        assertThat(OrderStatusRules.derive(null, "APPROVED", null, null)).isEqualTo("PAID");
        assertThat(OrderStatusRules.derive("PAID", "APPROVED", "ACCEPTED", "STARTED")).isEqualTo("SHIPPING");
        assertThat(OrderStatusRules.derive("PAID", "REFUNDED", "REJECTED", null)).isEqualTo("REJECTED");
        assertThat(OrderStatusRules.derive("CANCEL_REQUESTED", "APPROVED", "ACCEPTED", "COMPLETED")).isEqualTo("CANCEL_REQUESTED");
        assertThat(OrderStatusRules.derive("CANCEL_REQUESTED", "REFUNDED", "REJECTED", null)).isEqualTo("CANCELLED");
    }

    @Test
    void anOrderTheStoreReceivedIsStillPaidUntilTheOwnerAcceptsIt() {
        assertThat(OrderStatusRules.derive("PAID", "APPROVED", "RECEIVED", null)).isEqualTo("PAID");
        // the store receives paid orders only, even when its event overtakes the order's and the payment's
        assertThat(OrderStatusRules.derive(null, null, "RECEIVED", null)).isEqualTo("PAID");
        assertThat(OrderStatusRules.derive("CANCEL_REQUESTED", "APPROVED", "RECEIVED", null)).isEqualTo("CANCEL_REQUESTED");
    }

    @Test
    void theStoreStatusOnlyMovesForward() {
        assertThat(OrderStatusRules.storeStatusAfter(null, "RECEIVED")).isEqualTo("RECEIVED");
        assertThat(OrderStatusRules.storeStatusAfter("RECEIVED", "ACCEPTED")).isEqualTo("ACCEPTED");
        assertThat(OrderStatusRules.storeStatusAfter("RECEIVED", "CANCELLED")).isEqualTo("CANCELLED");
        assertThat(OrderStatusRules.storeStatusAfter("ACCEPTED", "CANCELLED")).isEqualTo("CANCELLED");
        // a late StoreReceived
        assertThat(OrderStatusRules.storeStatusAfter("ACCEPTED", "RECEIVED")).isEqualTo("ACCEPTED");
        assertThat(OrderStatusRules.storeStatusAfter("CANCELLED", "RECEIVED")).isEqualTo("CANCELLED");
        assertThat(OrderStatusRules.storeStatusAfter("REJECTED", "RECEIVED")).isEqualTo("REJECTED");
    }

    @Test
    void theStoreStatusIsTheSameWhateverTheOrderItsEventsArrivedIn() {
        for (List<String> arrival : List.of(
                List.of("RECEIVED", "ACCEPTED", "CANCELLED"), List.of("RECEIVED", "CANCELLED", "ACCEPTED"),
                List.of("ACCEPTED", "RECEIVED", "CANCELLED"), List.of("ACCEPTED", "CANCELLED", "RECEIVED"),
                List.of("CANCELLED", "RECEIVED", "ACCEPTED"), List.of("CANCELLED", "ACCEPTED", "RECEIVED"))) {
            String storeStatus = null;
            for (String reported : arrival) {
                storeStatus = OrderStatusRules.storeStatusAfter(storeStatus, reported);
            }
            assertThat(storeStatus).as("arriving as %s", arrival).isEqualTo("CANCELLED");
        }
    }

    @Test
    void theOrdersStatusOnlyMovesForward() {
        assertThat(OrderStatusRules.orderStatusAfter(null, "PAYMENT_DEFERRED")).isEqualTo("PAYMENT_DEFERRED");
        assertThat(OrderStatusRules.orderStatusAfter("PAYMENT_DEFERRED", "PAYMENT_DEFERRED")).isEqualTo("PAYMENT_DEFERRED");
        assertThat(OrderStatusRules.orderStatusAfter("PAYMENT_DEFERRED", "PAID")).isEqualTo("PAID");
        assertThat(OrderStatusRules.orderStatusAfter("PAYMENT_DEFERRED", "EXPIRED")).isEqualTo("EXPIRED");
        assertThat(OrderStatusRules.orderStatusAfter("PAYMENT_DEFERRED", "CANCELLED")).isEqualTo("CANCELLED");
        assertThat(OrderStatusRules.orderStatusAfter("PAID", "CANCEL_REQUESTED")).isEqualTo("CANCEL_REQUESTED");
        assertThat(OrderStatusRules.orderStatusAfter("CANCEL_REQUESTED", "CANCELLED")).isEqualTo("CANCELLED");
        // a PaymentDeferred that reaches the view late: once sent again after the order expired (ChaosTest at scale)
        assertThat(OrderStatusRules.orderStatusAfter("EXPIRED", "PAYMENT_DEFERRED")).isEqualTo("EXPIRED");
        assertThat(OrderStatusRules.orderStatusAfter("PAID", "PAYMENT_DEFERRED")).isEqualTo("PAID");
        assertThat(OrderStatusRules.orderStatusAfter("CANCELLED", "PAYMENT_DEFERRED")).isEqualTo("CANCELLED");
        assertThat(OrderStatusRules.orderStatusAfter("CANCELLED", "PAID")).isEqualTo("CANCELLED");
    }

    @Test
    void anExpiredOrderStaysExpiredWhateverTheOrderItsEventsArrivedIn() {
        for (List<String> arrival : List.of(List.of("PAYMENT_DEFERRED", "PAYMENT_DEFERRED", "EXPIRED"),
                List.of("PAYMENT_DEFERRED", "EXPIRED", "PAYMENT_DEFERRED"), List.of("EXPIRED", "PAYMENT_DEFERRED", "PAYMENT_DEFERRED"))) {
            String orderStatus = null;
            for (String reported : arrival) {
                orderStatus = OrderStatusRules.orderStatusAfter(orderStatus, reported);
            }
            assertThat(orderStatus).as("arriving as %s", arrival).isEqualTo("EXPIRED");
        }
    }
}
