package dev.fashionshop.payment.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.ColumnResult;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.SqlResultSetMapping;
import jakarta.persistence.Table;

/**
 * An order that order-service ended before it was paid (expired, or cancelled), as far as payment-service
 * heard: a payment for it that comes later is refunded at once.
 */
@Entity
@Table(name = "ended_order")
// A named mapping for the advisory lock's native select: Hibernate caches the plan of a native select by
// its mapping, and a dynamic one (a result class) never matches again, filling the plan cache.
@SqlResultSetMapping(name = EndedOrder.LOCKED, columns = @ColumnResult(name = "locked", type = Integer.class))
public class EndedOrder {

    public static final String LOCKED = "EndedOrder.locked";

    @Id
    @Column(name = "order_id")
    public UUID orderId;

    @Column(nullable = false)
    public String reason;

    @Column(name = "ended_at", nullable = false)
    public Instant endedAt;
}
