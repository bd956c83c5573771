package dev.fashionshop.payment.domain;

/** A payment is approved or declined once; an approved one may be refunded, once. */
public enum PaymentStatus {
    APPROVED,
    DECLINED,
    REFUNDED
}
