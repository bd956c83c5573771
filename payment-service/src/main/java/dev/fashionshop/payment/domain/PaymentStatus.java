package dev.fashionshop.payment.domain;

public enum PaymentStatus {
    APPROVED,
    DECLINED
}
