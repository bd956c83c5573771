package dev.fashionshop.delivery.domain;

import static dev.fashionshop.delivery.domain.DeliveryStatus.CANCELLED;
import static dev.fashionshop.delivery.domain.DeliveryStatus.COMPLETED;
import static dev.fashionshop.delivery.domain.DeliveryStatus.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.fashionshop.support.domain.IllegalTransitionException;
import dev.fashionshop.testsupport.TransitionTables;

class DeliveryStatusTest {

    @Test
    void aStartedDeliveryEndsCompletedOrCancelled() {
        TransitionTables.assertAllowsExactly(DeliveryStatus.TRANSITIONS, DeliveryStatus.class,
                Map.of(STARTED, Set.of(COMPLETED, CANCELLED)));
    }

    @Test
    void aCompletedDeliveryCannotBeCancelled() {
        Delivery delivery = Delivery.start(UUID.randomUUID(), "alice", "1 Main St");
        assertThat(delivery.complete().delivery().status()).isEqualTo("COMPLETED");
        assertThatThrownBy(delivery::cancel).isInstanceOfSatisfying(IllegalTransitionException.class,
                refused -> assertThat(refused.subject()).containsEntry("deliveryId", delivery.id)
                        .containsEntry("orderId", delivery.orderId));
    }
}
