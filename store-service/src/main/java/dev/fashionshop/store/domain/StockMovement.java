package dev.fashionshop.store.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One line of the stock ledger: a change of a variant's stock and why. */
@Entity
@Table(name = "stock_movement")
public class StockMovement {

    public enum Reason {
        /** A variant was registered with its first stock. */
        REGISTERED,
        /** The owner set the stock (a delivery from the workshop, a count, a loss). */
        SET_BY_OWNER,
        /** Taken for a paid order. */
        RESERVED,
        /** Given back by a cancelled order. */
        RELEASED
    }

    @Id
    public UUID id;
    public String sku;
    @Column(name = "order_id")
    public UUID orderId;
    /** Added to the stock: negative when stock is taken. */
    public int quantity;
    @Enumerated(EnumType.STRING)
    public Reason reason;
    public Instant at;

    public static StockMovement of(String sku, int quantity, Reason reason, UUID orderId) {
        StockMovement movement = new StockMovement();
        movement.id = UUID.randomUUID();
        movement.sku = sku;
        movement.quantity = quantity;
        movement.reason = reason;
        movement.orderId = orderId;
        movement.at = Instant.now();
        return movement;
    }
}
