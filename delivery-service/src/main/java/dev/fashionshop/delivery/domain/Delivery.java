package dev.fashionshop.delivery.domain;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import dev.fashionshop.delivery.domain.DeliveryEvent.DeliveryCancelled;
import dev.fashionshop.delivery.domain.DeliveryEvent.DeliveryCompleted;
import dev.fashionshop.delivery.domain.DeliveryEvent.DeliveryData;
import dev.fashionshop.delivery.domain.DeliveryEvent.DeliveryStarted;

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

    /** A delivery that starts now for an accepted order. */
    public static Delivery start(UUID orderId, String buyerId, String shippingAddress) {
        Delivery delivery = new Delivery();
        delivery.id = UUID.randomUUID();
        delivery.orderId = orderId;
        delivery.buyerId = buyerId;
        delivery.shippingAddress = shippingAddress;
        delivery.status = DeliveryStatus.STARTED;
        delivery.createdAt = Instant.now();
        delivery.updatedAt = delivery.createdAt;
        return delivery;
    }

    public DeliveryStarted started() {
        return new DeliveryStarted(DeliveryData.of(this));
    }

    public DeliveryCompleted complete() {
        moveTo(DeliveryStatus.COMPLETED);
        return new DeliveryCompleted(DeliveryData.of(this));
    }

    public DeliveryCancelled cancel() {
        moveTo(DeliveryStatus.CANCELLED);
        return new DeliveryCancelled(DeliveryData.of(this));
    }

    private void moveTo(DeliveryStatus next) {
        DeliveryStatus.TRANSITIONS.check(status, next, "Delivery " + id, Map.of("deliveryId", id, "orderId", orderId));
        status = next;
        updatedAt = Instant.now();
    }
}
