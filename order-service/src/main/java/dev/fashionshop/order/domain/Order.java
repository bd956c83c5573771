package dev.fashionshop.order.domain;

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

import dev.fashionshop.order.domain.OrderEvent.OrderCancelled;
import dev.fashionshop.order.domain.OrderEvent.OrderExpired;
import dev.fashionshop.order.domain.OrderEvent.OrderPlaced;
import dev.fashionshop.order.domain.OrderEvent.PaymentDeferred;
import dev.fashionshop.support.domain.IllegalTransitionException;

/** A buyer's order: the aggregate whose status follows the saga. */
@Entity
@Table(name = "orders")
public class Order {

    @Id
    public UUID id;
    @Column(name = "buyer_id")
    public String buyerId;
    @Enumerated(EnumType.STRING)
    public OrderStatus status;
    @Column(name = "total_amount")
    public long totalAmount;
    public String currency;
    @Column(name = "shipping_address")
    public String shippingAddress;
    @Column(name = "payment_id")
    public UUID paymentId;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public int version;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "order_line", joinColumns = @JoinColumn(name = "order_id"))
    @OrderColumn(name = "line_no")
    public List<OrderLine> lines = new ArrayList<>();

    /** Moves to the next state, or refuses a move the saga does not allow. */
    public void moveTo(OrderStatus next) {
        OrderStatus.TRANSITIONS.check(status, next, "Order " + id, Map.of("orderId", id));
        status = next;
        updatedAt = Instant.now();
    }

    /**
     * The buyer cancels: a paid order waits for the store's confirmation and the refund (CANCEL_REQUESTED),
     * one never paid ends at once (CANCELLED).
     */
    public OrderCancelled cancel() {
        if (!status.isCancellable()) {
            throw new IllegalTransitionException("Order " + id + " is " + status + " and cannot be cancelled",
                    Map.of("orderId", id), status);
        }
        moveTo(status.isPaid() ? OrderStatus.CANCEL_REQUESTED : OrderStatus.CANCELLED);
        return new OrderCancelled(id, buyerId, status.name());
    }

    public OrderExpired expire() {
        moveTo(OrderStatus.EXPIRED);
        return new OrderExpired(id, buyerId);
    }

    /** The payment could not be taken now; the buyer pays later. */
    public PaymentDeferred defer(String reason) {
        moveTo(OrderStatus.PAYMENT_DEFERRED);
        return deferred(reason);
    }

    public PaymentDeferred deferred(String reason) {
        return new PaymentDeferred(id, buyerId, totalAmount, currency, reason);
    }

    /** The event of a paid order: the store is to supply it. */
    public OrderPlaced placed() {
        return new OrderPlaced(id, buyerId,
                lines.stream().map(l -> new OrderEvent.Line(l.itemId, l.sku, l.quantity, l.unitPrice)).toList(),
                totalAmount, currency, shippingAddress, paymentId, updatedAt);
    }
}
