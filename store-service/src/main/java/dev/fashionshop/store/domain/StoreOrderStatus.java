package dev.fashionshop.store.domain;

import java.util.Map;
import java.util.Set;

/** The states of an order as the store sees it, and the moves between them (DESIGN.md, the saga). */
public enum StoreOrderStatus {
    /** Paid, stock reserved, waiting for the owner. */
    RECEIVED,
    /** The owner accepted it; delivery starts. */
    ACCEPTED,
    /** Not enough stock: nothing reserved, the payment is refunded. */
    REJECTED,
    /** The buyer asked to cancel; waiting for the owner's confirmation. */
    CANCEL_REQUESTED,
    /** The owner confirmed the cancellation; stock released. */
    CANCELLED;

    private static final Map<StoreOrderStatus, Set<StoreOrderStatus>> NEXT = Map.of(
            RECEIVED, Set.of(ACCEPTED, CANCEL_REQUESTED),
            ACCEPTED, Set.of(CANCEL_REQUESTED),
            CANCEL_REQUESTED, Set.of(CANCELLED),
            REJECTED, Set.of(),
            CANCELLED, Set.of());

    public boolean canBecome(StoreOrderStatus next) {
        return NEXT.get(this).contains(next);
    }
}
