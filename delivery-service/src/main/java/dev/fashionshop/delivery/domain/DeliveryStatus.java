package dev.fashionshop.delivery.domain;

import dev.fashionshop.support.domain.TransitionTable;

/** The states of a delivery and the moves between them. */
public enum DeliveryStatus {
    STARTED,
    COMPLETED,
    CANCELLED;

    static final TransitionTable<DeliveryStatus> TRANSITIONS = TransitionTable.of(DeliveryStatus.class)
            .allow(STARTED, COMPLETED, CANCELLED)
            .build();

    public boolean canBecome(DeliveryStatus next) {
        return TRANSITIONS.allows(this, next);
    }
}
