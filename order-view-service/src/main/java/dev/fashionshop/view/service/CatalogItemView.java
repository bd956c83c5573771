package dev.fashionshop.view.service;

import java.util.List;
import java.util.UUID;

/** An item as the public catalogue shows it. */
public record CatalogItemView(UUID id, String name, String description, String category, long price, String currency,
        String imageUrl, List<Variant> variants) {

    public record Variant(String sku, String size, String colour, int stock) {
    }
}
