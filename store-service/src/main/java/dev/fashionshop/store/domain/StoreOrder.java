package dev.fashionshop.store.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

import dev.fashionshop.store.domain.ConsumedEvents.OrderPlaced;
import dev.fashionshop.store.domain.StoreOrderEvent.StoreAccepted;
import dev.fashionshop.store.domain.StoreOrderEvent.StoreCancelled;
import dev.fashionshop.store.domain.StoreOrderEvent.StoreReceived;
import dev.fashionshop.store.domain.StoreOrderEvent.StoreRejected;

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

    /** A paid order as it reaches the store, before its stock is looked at. */
    public static StoreOrder of(OrderPlaced placed) {
        StoreOrder order = new StoreOrder();
        order.orderId = placed.orderId();
        order.buyerId = placed.buyerId();
        order.totalAmount = placed.totalAmount();
        order.currency = placed.currency();
        order.shippingAddress = placed.shippingAddress();
        order.receivedAt = Instant.now();
        order.updatedAt = order.receivedAt;
        placed.lines().forEach(l -> order.lines.add(new StoreOrderLine(l.itemId(), l.sku(), l.quantity(), l.unitPrice())));
        return order;
    }

    /** Its stock reserved, it waits for the owner. */
    public StoreReceived received() {
        status = StoreOrderStatus.RECEIVED;
        return new StoreReceived(orderId, buyerId, StoreOrderEvent.Line.of(this), receivedAt);
    }

    /** The store cannot supply it: nothing is reserved. */
    public StoreRejected reject(String shortage) {
        status = StoreOrderStatus.REJECTED;
        reason = shortage;
        return new StoreRejected(orderId, buyerId, reason);
    }

    public StoreAccepted accept() {
        moveTo(StoreOrderStatus.ACCEPTED);
        return new StoreAccepted(orderId, buyerId, shippingAddress, StoreOrderEvent.Line.of(this));
    }

    /** The buyer asked to cancel; the owner is to confirm. Nothing is announced until the owner does. */
    public void requestCancel() {
        moveTo(StoreOrderStatus.CANCEL_REQUESTED);
    }

    /** The owner confirmed the cancellation; the caller gives the reserved stock back. */
    public StoreCancelled confirmCancel() {
        moveTo(StoreOrderStatus.CANCELLED);
        return new StoreCancelled(orderId, buyerId);
    }

    private void moveTo(StoreOrderStatus next) {
        StoreOrderStatus.TRANSITIONS.check(status, next, "Order " + orderId, Map.of("orderId", orderId));
        status = next;
        updatedAt = Instant.now();
    }
}
