package dev.fashionshop.view.service;

import java.io.IOException;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.fashionshop.support.messaging.IncomingEvent;
import dev.fashionshop.view.domain.CatalogItem;
import dev.fashionshop.view.domain.ConsumedEvents.ItemSnapshot;
import dev.fashionshop.view.domain.ConsumedEvents.StockChanged;
import dev.fashionshop.view.persistence.CatalogRepository;
import io.smallrye.mutiny.Uni;

/** Builds the public catalogue view from the items topic. Runs in the consumer's transaction. */
@ApplicationScoped
public class CatalogProjection {

    private final CatalogRepository catalog;
    private final ObjectMapper json;

    CatalogProjection(CatalogRepository catalog, ObjectMapper json) {
        this.catalog = catalog;
        this.json = json;
    }

    /** Replaces the view's copy of the item; the first registration's time stays its registration time. */
    public Uni<Void> save(ItemSnapshot snapshot, IncomingEvent event) {
        return catalog.findById(snapshot.itemId())
                .map(found -> found != null ? found : newItem(snapshot, event.time()))
                .invoke(item -> {
                    item.name = snapshot.name();
                    item.description = snapshot.description();
                    item.category = snapshot.category() != null ? snapshot.category() : "";
                    item.price = snapshot.price();
                    item.currency = snapshot.currency();
                    item.imageUrl = snapshot.imageUrl();
                    item.variants = snapshot.variants().toString();
                    item.updatedAt = Instant.now();
                }).call(catalog::persist).replaceWithVoid();
    }

    public Uni<Void> setStock(StockChanged changed) {
        return catalog.findById(changed.itemId()).invoke(item -> {
            if (item == null) {
                return; // the item's registration comes first on its partition; without it there is nothing to change
            }
            ArrayNode variants = (ArrayNode) read(item.variants);
            for (JsonNode variant : variants) {
                if (changed.sku().equals(variant.path("sku").asText())) {
                    ((ObjectNode) variant).put("stock", changed.stock());
                }
            }
            item.variants = variants.toString();
            item.updatedAt = Instant.now();
        }).replaceWithVoid();
    }

    private JsonNode read(String variants) {
        try {
            return json.readTree(variants);
        } catch (IOException e) {
            throw new IllegalStateException("Stored variants are not JSON", e);
        }
    }

    private static CatalogItem newItem(ItemSnapshot snapshot, Instant registeredAt) {
        CatalogItem item = new CatalogItem();
        item.itemId = snapshot.itemId();
        item.registeredAt = registeredAt;
        return item;
    }
}
