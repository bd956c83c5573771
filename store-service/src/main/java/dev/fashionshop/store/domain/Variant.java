package dev.fashionshop.store.domain;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Version;

/** One size and colour of an item, with its stock. The database refuses a stock below zero. */
@Entity
public class Variant {

    @Id
    public String sku;
    /**
     * Lazy: a reservation loads the variants an order names, and an eager item would bring every other
     * variant of each item along (its variants are eager), one more select and a few more entities to
     * check at flush per order. What the saga needs of the item is its id, {@link #itemId}.
     */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "item_id")
    public Item item;
    /** The item's id, read from the same column; written through {@link #item}. */
    @Column(name = "item_id", insertable = false, updatable = false)
    public UUID itemId;
    public String size;
    public String colour;
    public int stock;
    @Version
    public int version;

    public boolean canSupply(int quantity) {
        return stock >= quantity;
    }

    /*
     * Stock is a quantity, not a state: every change of it goes through the three methods below, and each
     * answers the stock ledger's line for it.
     */

    /** Takes stock for a paid order. */
    public StockMovement reserve(int quantity, UUID orderId) {
        if (quantity <= 0 || !canSupply(quantity)) {
            throw new IllegalStateException("Only " + stock + " of " + sku + " in stock, " + quantity + " asked");
        }
        stock -= quantity;
        return StockMovement.of(sku, -quantity, StockMovement.Reason.RESERVED, orderId);
    }

    /** Gives back what a cancelled order had reserved. */
    public StockMovement release(int quantity, UUID orderId) {
        if (quantity <= 0) {
            throw new IllegalStateException("Cannot release " + quantity + " of " + sku);
        }
        stock += quantity;
        return StockMovement.of(sku, quantity, StockMovement.Reason.RELEASED, orderId);
    }

    /** The owner counted the stock (a delivery from the workshop, a loss). */
    public StockMovement setByOwner(int counted) {
        if (counted < 0) {
            throw new IllegalStateException("Stock of " + sku + " cannot be " + counted);
        }
        StockMovement movement = StockMovement.of(sku, counted - stock, StockMovement.Reason.SET_BY_OWNER, null);
        stock = counted;
        return movement;
    }

    /** The StockChanged event of this variant's stock now, naming the order that changed it, if one did. */
    public ItemEvent.StockChanged stockChanged(UUID orderId) {
        return ItemEvent.StockChanged.of(this, orderId);
    }
}
