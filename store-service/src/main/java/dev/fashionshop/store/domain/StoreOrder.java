package dev.fashionshop.store.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A paid order handed to the store: what the owner sees and acts on. */
@Entity
@Table(name = "store_order")
public class StoreOrder {

    @Id
    @Column(name = "order_id")
    public UUID orderId;
    @Column(name = "buyer_id")
    public String buyerId;
    @Enumerated(EnumType.STRING)
    public StoreOrderStatus status;
    @Column(name = "total_amount")
    public long totalAmount;
    public String currency;
    @Column(name = "shipping_address")
    public String shippingAddress;
    /** Why the store rejected it, when it did. */
    public String reason;
    @Column(name = "received_at")
    public Instant receivedAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public int version;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "store_order_line", joinColumns = @JoinColumn(name = "order_id"))
    @OrderColumn(name = "line_no")
    public List<StoreOrderLine> lines = new ArrayList<>();

    /** Moves to the next state, or refuses a move the saga does not allow. */
    public void moveTo(StoreOrderStatus next) {
        if (!status.canBecome(next)) {
            throw new IllegalTransitionException(orderId, status.name(), next.name());
        }
        status = next;
        updatedAt = Instant.now();
    }
}
