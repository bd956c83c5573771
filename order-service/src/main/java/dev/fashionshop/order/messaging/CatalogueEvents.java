package dev.fashionshop.order.messaging;

import java.util.List;
import java.util.UUID;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The items topic's events, as far as order-service reads them (docs/events.md). */
final class CatalogueEvents {

    private CatalogueEvents() {
    }

    @RegisterForReflection
    record ItemSnapshot(UUID itemId, String name, Long price, String currency, List<Variant> variants) {

        boolean isComplete() {
            return itemId != null && name != null && price != null && currency != null && variants != null
                    && variants.stream().allMatch(v -> v.sku() != null && v.stock() != null);
        }
    }

    @RegisterForReflection
    record Variant(String sku, Integer stock) {
    }

    @RegisterForReflection
    record StockChanged(UUID itemId, String sku, Integer stock) {
    }
}
