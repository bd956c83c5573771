package dev.fashionshop.payment.domain;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import dev.fashionshop.payment.domain.PaymentEvent.PaymentApproved;
import dev.fashionshop.payment.domain.PaymentEvent.PaymentData;
import dev.fashionshop.payment.domain.PaymentEvent.PaymentDeclined;
import dev.fashionshop.payment.domain.PaymentEvent.PaymentRefunded;

/** The payment of one order: at most one per order, approved or declined by the provider. */
@Entity
public class Payment {

    @Id
    public UUID id;
    @Column(name = "order_id")
    public UUID orderId;
    @Column(name = "buyer_id")
    public String buyerId;
    public long amount;
    public String currency;
    @Enumerated(EnumType.STRING)
    public PaymentStatus status;
    public String reason;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public int version;

    /** A new payment of an order, as the provider decided it; announced by the event it answers. */
    public static Payment decided(UUID orderId, String buyerId, long amount, String currency, boolean approved,
            String reason) {
        Payment payment = new Payment();
        payment.id = UUID.randomUUID();
        payment.orderId = orderId;
        payment.buyerId = buyerId;
        payment.amount = amount;
        payment.currency = currency;
        payment.status = approved ? PaymentStatus.APPROVED : PaymentStatus.DECLINED;
        payment.reason = reason;
        payment.createdAt = Instant.now();
        payment.updatedAt = payment.createdAt;
        return payment;
    }

    /** PaymentApproved or PaymentDeclined: what the provider decided. */
    public PaymentEvent decision() {
        PaymentData data = PaymentData.of(this);
        return status == PaymentStatus.DECLINED ? new PaymentDeclined(data) : new PaymentApproved(data);
    }

    /** Gives the money back; only an approved payment may be refunded, and once. */
    public PaymentRefunded refund(String why) {
        PaymentStatus.TRANSITIONS.check(status, PaymentStatus.REFUNDED, "Payment " + id, Map.of("orderId", orderId));
        status = PaymentStatus.REFUNDED;
        reason = why;
        updatedAt = Instant.now();
        return new PaymentRefunded(PaymentData.of(this));
    }
}
