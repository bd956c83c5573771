package dev.fashionshop.order.domain;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A line of an order, priced from the catalogue when the order was placed. */
@Embeddable
public class OrderLine {

    @Column(name = "item_id")
    public UUID itemId;
    public String sku;
    public int quantity;
    @Column(name = "unit_price")
    public long unitPrice;

    public OrderLine() {
    }

    public OrderLine(UUID itemId, String sku, int quantity, long unitPrice) {
        this.itemId = itemId;
        this.sku = sku;
        this.quantity = quantity;
        this.unitPrice = unitPrice;
    }

    public long amount() {
        return unitPrice * quantity;
    }
}
