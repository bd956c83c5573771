package dev.fashionshop.payment.domain;

import dev.fashionshop.support.domain.TransitionTable;

/** A payment is approved or declined once, when it is taken; an approved one may be refunded, once. */
public enum PaymentStatus {
    APPROVED,
    DECLINED,
    REFUNDED;

    static final TransitionTable<PaymentStatus> TRANSITIONS = TransitionTable.of(PaymentStatus.class)
            .allow(APPROVED, REFUNDED)
            .build();

    public boolean canBecome(PaymentStatus next) {
        return TRANSITIONS.allows(this, next);
    }
}
