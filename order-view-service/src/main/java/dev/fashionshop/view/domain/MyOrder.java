package dev.fashionshop.view.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * What the buyer sees of an order: the state each service reported, whatever the order in which
 * their events arrived, and the overall status derived from them.
 */
@Entity
@Table(name = "my_order")
public class MyOrder {

    @Id
    @Column(name = "order_id")
    public UUID orderId;
    @Column(name = "buyer_id")
    public String buyerId;
    public String status;
    @Column(name = "order_status")
    public String orderStatus;
    @Column(name = "payment_status")
    public String paymentStatus;
    @Column(name = "store_status")
    public String storeStatus;
    @Column(name = "delivery_status")
    public String deliveryStatus;
    @Column(name = "total_amount")
    public Long totalAmount;
    public String currency;
    /** The lines as JSON, [{itemId, sku, quantity, unitPrice}]. */
    public String lines;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public int version;

    /** Recomputes the overall status from the facts; the result does not depend on their arrival order. */
    public void deriveStatus() {
        status = OrderStatusRules.derive(orderStatus, paymentStatus, storeStatus, deliveryStatus);
        updatedAt = Instant.now();
    }
}
