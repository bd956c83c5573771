package dev.fashionshop.order.domain;

import java.util.Map;
import java.util.Set;

/** The states of an order (DESIGN.md) and the moves the saga allows between them. */
public enum OrderStatus {
    /** Stored, the payment is being asked for: the order exists before the payment, so no payment is ever orphaned. */
    PAYMENT_PENDING,
    PAYMENT_DEFERRED,
    PAYMENT_DECLINED,
    PAID,
    ACCEPTED,
    SHIPPING,
    DELIVERED,
    REJECTED,
    CANCEL_REQUESTED,
    CANCELLED,
    EXPIRED;

    private static final Map<OrderStatus, Set<OrderStatus>> NEXT = Map.ofEntries(
            Map.entry(PAYMENT_PENDING, Set.of(PAID, PAYMENT_DECLINED, PAYMENT_DEFERRED)),
            Map.entry(PAYMENT_DEFERRED, Set.of(PAID, PAYMENT_DECLINED, EXPIRED)),
            Map.entry(PAID, Set.of(ACCEPTED, REJECTED, CANCEL_REQUESTED)),
            Map.entry(ACCEPTED, Set.of(SHIPPING, CANCEL_REQUESTED)),
            Map.entry(SHIPPING, Set.of(DELIVERED, CANCEL_REQUESTED)),
            Map.entry(CANCEL_REQUESTED, Set.of(CANCELLED)),
            Map.entry(PAYMENT_DECLINED, Set.of()),
            Map.entry(DELIVERED, Set.of()),
            Map.entry(REJECTED, Set.of()),
            Map.entry(CANCELLED, Set.of()),
            Map.entry(EXPIRED, Set.of()));

    public boolean canBecome(OrderStatus next) {
        return NEXT.get(this).contains(next);
    }
}
