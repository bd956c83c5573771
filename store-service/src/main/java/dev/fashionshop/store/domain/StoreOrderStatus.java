package dev.fashionshop.store.domain;

import dev.fashionshop.support.domain.TransitionTable;

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

    static final TransitionTable<StoreOrderStatus> TRANSITIONS = TransitionTable.of(StoreOrderStatus.class)
            .allow(RECEIVED, ACCEPTED, CANCEL_REQUESTED)
            .allow(ACCEPTED, CANCEL_REQUESTED)
            .allow(CANCEL_REQUESTED, CANCELLED)
            .build();

    public boolean canBecome(StoreOrderStatus next) {
        return TRANSITIONS.allows(this, next);
    }
}
