package dev.fashionshop.store.domain;

import java.util.List;

/** What the owner says about an item when registering or updating it. */
public record NewItem(String name, String description, String category, long price, String currency, String imageUrl,
        List<NewVariant> variants) {

    public record NewVariant(String sku, String size, String colour, int stock) {
    }
}
