package dev.fashionshop.delivery.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/** The delivery of an accepted order. */
@Entity
public class Delivery {

    @Id
    public UUID id;
    @Column(name = "order_id")
    public UUID orderId;
    @Column(name = "buyer_id")
    public String buyerId;
    @Enumerated(EnumType.STRING)
    public DeliveryStatus status;
    @Column(name = "shipping_address")
    public String shippingAddress;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public int version;

    public void moveTo(DeliveryStatus next) {
        if (!status.canBecome(next)) {
            throw new IllegalTransitionException(this, next);
        }
        status = next;
        updatedAt = Instant.now();
    }
}
