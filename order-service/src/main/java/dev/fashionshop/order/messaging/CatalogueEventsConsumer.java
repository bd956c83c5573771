package dev.fashionshop.order.messaging;

import java.time.Instant;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import dev.fashionshop.order.domain.CatalogueItem;
import dev.fashionshop.order.domain.CatalogueVariant;
import dev.fashionshop.order.persistence.CatalogueRepository;
import dev.fashionshop.support.messaging.EventHandler;
import dev.fashionshop.support.messaging.IncomingEvent;
import dev.fashionshop.support.messaging.PoisonEventException;
import io.smallrye.mutiny.Uni;

/** Keeps the catalogue replica from the items topic, so that orders are validated while the store is down. */
@ApplicationScoped
public class CatalogueEventsConsumer implements EventHandler {

    private static final Logger LOG = Logger.getLogger(CatalogueEventsConsumer.class);

    @Inject
    CatalogueRepository catalogue;

    private static final Set<String> HANDLED = Set.of("ItemRegistered", "ItemUpdated", "StockChanged");

    @Override
    public boolean handles(String eventType) {
        return HANDLED.contains(eventType);
    }

    @Override
    public Uni<Void> handle(IncomingEvent event) {
        return switch (event.type()) {
            case "ItemRegistered", "ItemUpdated" -> save(event.dataAs(CatalogueEvents.ItemSnapshot.class), event);
            case "StockChanged" -> {
                CatalogueEvents.StockChanged changed = event.dataAs(CatalogueEvents.StockChanged.class);
                if (changed.sku() == null || changed.stock() == null) {
                    throw new PoisonEventException("StockChanged " + event.id() + " misses sku or stock");
                }
                yield catalogue.setStock(changed.sku(), changed.stock()).replaceWithVoid();
            }
            default -> {
                LOG.debugf("Ignoring %s", event.type());
                yield Uni.createFrom().voidItem();
            }
        };
    }

    private Uni<Void> save(CatalogueEvents.ItemSnapshot snapshot, IncomingEvent event) {
        if (!snapshot.isComplete()) {
            throw new PoisonEventException(event.type() + " " + event.id() + " misses item data");
        }
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
}
