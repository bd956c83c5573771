package dev.fashionshop.view.domain;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.fashionshop.support.messaging.IncomingEvent;
import dev.fashionshop.support.messaging.PoisonEventException;
import dev.fashionshop.view.persistence.CatalogRepository;
import io.smallrye.mutiny.Uni;

/** Builds the public catalogue view from the items topic. Runs in the consumer's transaction. */
@ApplicationScoped
public class CatalogProjection {

    @Inject
    CatalogRepository catalog;

    @Inject
    ObjectMapper json;

    /** The event types that change the catalogue view. */
    public static final Set<String> EVENTS = Set.of("ItemRegistered", "ItemUpdated", "StockChanged");

    public Uni<Void> apply(IncomingEvent event) {
        JsonNode data = event.dataAs(JsonNode.class);
        return switch (event.type()) {
            case "ItemRegistered", "ItemUpdated" -> save(data, event);
            case "StockChanged" -> setStock(data, event);
            default -> Uni.createFrom().voidItem();
        };
    }

    private Uni<Void> save(JsonNode data, IncomingEvent event) {
        if (!data.hasNonNull("itemId") || !data.hasNonNull("name") || !data.hasNonNull("price")
                || !data.hasNonNull("currency") || !data.path("variants").isArray()) {
            throw new PoisonEventException(event.type() + " " + event.id() + " misses item data");
        }
        UUID itemId = UUID.fromString(data.get("itemId").asText());
        return catalog.findById(itemId).map(found -> found != null ? found : newItem(itemId, event.time())).invoke(item -> {
            item.name = data.get("name").asText();
            item.description = data.path("description").asText(null);
            item.category = data.path("category").asText("");
            item.price = data.get("price").asLong();
            item.currency = data.get("currency").asText();
            item.imageUrl = data.path("imageUrl").asText(null);
            item.variants = data.get("variants").toString();
            item.updatedAt = Instant.now();
        }).call(catalog::persist).replaceWithVoid();
    }

    private Uni<Void> setStock(JsonNode data, IncomingEvent event) {
        if (!data.hasNonNull("itemId") || !data.hasNonNull("sku") || !data.hasNonNull("stock")) {
            throw new PoisonEventException("StockChanged " + event.id() + " misses item, sku or stock");
        }
        return catalog.findById(UUID.fromString(data.get("itemId").asText())).invoke(item -> {
            if (item == null) {
                return; // the item's registration comes first on its partition; without it there is nothing to change
            }
            ArrayNode variants = (ArrayNode) read(item.variants);
            for (JsonNode variant : variants) {
                if (data.get("sku").asText().equals(variant.path("sku").asText())) {
                    ((ObjectNode) variant).put("stock", data.get("stock").asInt());
                }
            }
            item.variants = variants.toString();
            item.updatedAt = Instant.now();
        }).replaceWithVoid();
    }

    private JsonNode read(String variants) {
        try {
            return json.readTree(variants);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Stored variants are not JSON", e);
        }
    }

    private static CatalogItem newItem(UUID itemId, Instant registeredAt) {
        CatalogItem item = new CatalogItem();
        item.itemId = itemId;
        item.registeredAt = registeredAt;
        return item;
    }
}
