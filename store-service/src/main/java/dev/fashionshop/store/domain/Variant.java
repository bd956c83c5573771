package dev.fashionshop.store.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Version;

/** One size and colour of an item, with its stock. The database refuses a stock below zero. */
@Entity
public class Variant {

    @Id
    public String sku;
    @ManyToOne
    @JoinColumn(name = "item_id")
    public Item item;
    public String size;
    public String colour;
    public int stock;
    @Version
    public int version;

    public boolean canSupply(int quantity) {
        return stock >= quantity;
    }

    public void take(int quantity) {
        if (!canSupply(quantity)) {
            throw new IllegalStateException("Only " + stock + " of " + sku + " in stock, " + quantity + " asked");
        }
        stock -= quantity;
    }
}
