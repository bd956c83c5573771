package dev.fashionshop.order.service;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import dev.fashionshop.order.domain.CatalogueItem;
import dev.fashionshop.order.domain.CatalogueVariant;
import dev.fashionshop.order.domain.ConsumedEvents.ItemSnapshot;
import dev.fashionshop.order.domain.ConsumedEvents.StockChanged;
import dev.fashionshop.order.persistence.CatalogueRepository;
import io.smallrye.mutiny.Uni;

/**
 * Keeps the catalogue replica from the items topic, so that orders are validated and priced while the
 * store is down. Runs in the consumer's transaction.
 */
@ApplicationScoped
public class CatalogueReplica {

    private final CatalogueRepository catalogue;

    CatalogueReplica(CatalogueRepository catalogue) {
        this.catalogue = catalogue;
    }

    /** Replaces the copy of the item and its variants. */
    public Uni<Void> save(ItemSnapshot snapshot) {
        CatalogueItem item = new CatalogueItem();
        item.itemId = snapshot.itemId();
        item.name = snapshot.name();
        item.price = snapshot.price();
        item.currency = snapshot.currency();
        item.updatedAt = Instant.now();
        return catalogue.saveItem(item, snapshot.variants().stream().map(v -> {
            CatalogueVariant variant = new CatalogueVariant();
            variant.sku = v.sku();
            variant.itemId = snapshot.itemId();
            variant.stock = v.stock();
            return variant;
        }).toList());
    }

    public Uni<Void> setStock(StockChanged changed) {
        return catalogue.setStock(changed.sku(), changed.stock()).replaceWithVoid();
    }
}
