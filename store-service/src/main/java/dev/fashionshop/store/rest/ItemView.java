package dev.fashionshop.store.rest;

import java.util.List;
import java.util.UUID;

import dev.fashionshop.store.domain.Item;

/** An item as the owner's API answers it. */
public record ItemView(UUID id, String name, String description, String category, long price, String currency,
        String imageUrl, List<VariantView> variants) {

    public record VariantView(String sku, String size, String colour, int stock) {
    }

    static ItemView of(Item item) {
        return new ItemView(item.id, item.name, item.description, item.category, item.price, item.currency,
                item.imageUrl, item.variants.stream().map(v -> new VariantView(v.sku, v.size, v.colour, v.stock)).toList());
    }
}
