package dev.fashionshop.order.domain;

import dev.fashionshop.support.domain.TransitionTable;

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

    static final TransitionTable<OrderStatus> TRANSITIONS = TransitionTable.of(OrderStatus.class)
            .allow(PAYMENT_PENDING, PAID, PAYMENT_DECLINED, PAYMENT_DEFERRED)
            // paying a deferred order again puts it back to PAYMENT_PENDING while the call is in flight; a decline
            // that came after the call had timed out (PaymentDeclined) ends it, as paying again would
            .allow(PAYMENT_DEFERRED, PAYMENT_PENDING, PAYMENT_DECLINED, EXPIRED, CANCELLED)
            // events of the store and of the delivery come on different topics, in any order: a later step
            // of the happy path implies the earlier ones, so the order may skip ahead (and an earlier step
            // arriving late is then refused, as a move backwards)
            .allow(PAID, ACCEPTED, SHIPPING, DELIVERED, REJECTED, CANCEL_REQUESTED)
            .allow(ACCEPTED, SHIPPING, DELIVERED, CANCEL_REQUESTED)
            .allow(SHIPPING, DELIVERED, CANCEL_REQUESTED)
            .allow(CANCEL_REQUESTED, CANCELLED)
            .build();

    /** Whether the buyer may still cancel: paid and not delivered yet, or waiting to be paid. */
    public boolean isCancellable() {
        return isPaid() || this == PAYMENT_DEFERRED;
    }

    /** Whether money was taken, so that a cancellation needs the store's confirmation and a refund. */
    public boolean isPaid() {
        return this == PAID || this == ACCEPTED || this == SHIPPING;
    }

    /** Whether this is what a payment call ends an order in: the answer its buyer gets. */
    public boolean isPaymentOutcome() {
        return this == PAID || this == PAYMENT_DECLINED || this == PAYMENT_DEFERRED;
    }

    public boolean canBecome(OrderStatus next) {
        return TRANSITIONS.allows(this, next);
    }
}
