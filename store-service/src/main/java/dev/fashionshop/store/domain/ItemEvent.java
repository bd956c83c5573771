package dev.fashionshop.store.domain;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import dev.fashionshop.support.messaging.ShopEvent;
import dev.fashionshop.support.messaging.ShopTopics;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** The events store-service publishes on the items topic (docs/events.md), keyed by the item. */
public sealed interface ItemEvent extends ShopEvent {

    String TOPIC = ShopTopics.ITEMS;

    UUID itemId();

    @Override
    default String topic() {
        return TOPIC;
    }

    @Override
    default String key() {
        return itemId().toString();
    }

    /** The whole item, so that a consumer can replace its copy. */
    @RegisterForReflection
    record ItemSnapshot(UUID itemId, String name, String description, String category, long price, String currency,
            String imageUrl, List<VariantSnapshot> variants) {

        static ItemSnapshot of(Item item) {
            return new ItemSnapshot(item.id, item.name, item.description, item.category, item.price, item.currency,
                    item.imageUrl, item.variants.stream().map(VariantSnapshot::of).toList());
        }
    }

    @RegisterForReflection
    record VariantSnapshot(String sku, String size, String colour, int stock) {

        static VariantSnapshot of(Variant variant) {
            return new VariantSnapshot(variant.sku, variant.size, variant.colour, variant.stock);
        }
    }

    @RegisterForReflection
    record ItemRegistered(@JsonUnwrapped ItemSnapshot item) implements ItemEvent {

        @Override
        public UUID itemId() {
            return item.itemId();
        }
    }

    @RegisterForReflection
    record ItemUpdated(@JsonUnwrapped ItemSnapshot item) implements ItemEvent {

        @Override
        public UUID itemId() {
            return item.itemId();
        }
    }

    /** A variant's stock now; {@code orderId} names the order that reserved or released it, if one did. */
    @RegisterForReflection
    record StockChanged(UUID itemId, String sku, int stock, UUID orderId) implements ItemEvent {

        static StockChanged of(Variant variant, UUID orderId) {
            return new StockChanged(variant.itemId, variant.sku, variant.stock, orderId);
        }
    }
}
