package dev.fashionshop.delivery.domain;

import java.util.Map;
import java.util.Set;

/** The states of a delivery and the moves between them. */
public enum DeliveryStatus {
    STARTED,
    COMPLETED,
    CANCELLED;

    private static final Map<DeliveryStatus, Set<DeliveryStatus>> NEXT = Map.of(
            STARTED, Set.of(COMPLETED, CANCELLED),
            COMPLETED, Set.of(),
            CANCELLED, Set.of());

    public boolean canBecome(DeliveryStatus next) {
        return NEXT.get(this).contains(next);
    }
}
