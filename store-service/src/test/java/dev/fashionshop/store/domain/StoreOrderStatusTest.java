package dev.fashionshop.store.domain;

import static dev.fashionshop.store.domain.StoreOrderStatus.ACCEPTED;
import static dev.fashionshop.store.domain.StoreOrderStatus.CANCELLED;
import static dev.fashionshop.store.domain.StoreOrderStatus.CANCEL_REQUESTED;
import static dev.fashionshop.store.domain.StoreOrderStatus.RECEIVED;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.fashionshop.testsupport.TransitionTables;

class StoreOrderStatusTest {

    @Test
    void theOwnerAcceptsOrConfirmsACancellationAndARejectedOrderIsFinal() {
        TransitionTables.assertAllowsExactly(StoreOrderStatus.TRANSITIONS, StoreOrderStatus.class, Map.of(
                RECEIVED, Set.of(ACCEPTED, CANCEL_REQUESTED),
                ACCEPTED, Set.of(CANCEL_REQUESTED),
                CANCEL_REQUESTED, Set.of(CANCELLED)));
    }
}
