package dev.fashionshop.store.domain;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

@Embeddable
public class StoreOrderLine {

    @Column(name = "item_id")
    public UUID itemId;
    public String sku;
    public int quantity;
    @Column(name = "unit_price")
    public long unitPrice;

    public StoreOrderLine() {
    }

    public StoreOrderLine(UUID itemId, String sku, int quantity, long unitPrice) {
        this.itemId = itemId;
        this.sku = sku;
        this.quantity = quantity;
        this.unitPrice = unitPrice;
    }
}
