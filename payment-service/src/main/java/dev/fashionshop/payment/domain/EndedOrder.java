package dev.fashionshop.payment.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An order that order-service ended before it was paid (expired, or cancelled), as far as payment-service
 * heard: a payment for it that comes later is refunded at once.
 */
@Entity
@Table(name = "ended_order")
public class EndedOrder {

    @Id
    @Column(name = "order_id")
    public UUID orderId;

    @Column(nullable = false)
    public String reason;

    @Column(name = "ended_at", nullable = false)
    public Instant endedAt;
}
