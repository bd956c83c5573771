package dev.fashionshop.order.domain;

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
        if (!status.canBecome(next)) {
            throw new IllegalTransitionException(id, status, next);
        }
        status = next;
        updatedAt = Instant.now();
    }
}
