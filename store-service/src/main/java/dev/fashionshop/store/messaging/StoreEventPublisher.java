package dev.fashionshop.store.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.fashionshop.support.messaging.Outbox;
import dev.fashionshop.store.domain.Item;
import dev.fashionshop.store.domain.StoreOrder;
import dev.fashionshop.store.domain.Variant;
import io.smallrye.mutiny.Uni;

/** Writes store-service's events to the outbox, inside the caller's transaction. */
@ApplicationScoped
public class StoreEventPublisher {

    @Inject
    Outbox outbox;

    public Uni<Void> itemRegistered(Item item) {
        return outbox.add(StoreEvents.ITEMS, item.id.toString(), "ItemRegistered", StoreEvents.ItemSnapshot.of(item))
                .replaceWithVoid();
    }

    public Uni<Void> itemUpdated(Item item) {
        return outbox.add(StoreEvents.ITEMS, item.id.toString(), "ItemUpdated", StoreEvents.ItemSnapshot.of(item))
                .replaceWithVoid();
    }

    public Uni<Void> stockChanged(Variant variant, StoreOrder byOrder) {
        var data = new StoreEvents.StockChanged(variant.itemId, variant.sku, variant.stock,
                byOrder == null ? null : byOrder.orderId);
        return outbox.add(StoreEvents.ITEMS, variant.itemId.toString(), "StockChanged", data).replaceWithVoid();
    }

    public Uni<Void> storeReceived(StoreOrder order) {
        return outbox.add(StoreEvents.STORE_ORDERS, order.orderId.toString(), "StoreReceived",
                StoreEvents.StoreReceived.of(order)).replaceWithVoid();
    }

    public Uni<Void> storeAccepted(StoreOrder order) {
        return outbox.add(StoreEvents.STORE_ORDERS, order.orderId.toString(), "StoreAccepted",
                StoreEvents.StoreAccepted.of(order)).replaceWithVoid();
    }

    public Uni<Void> storeCancelled(StoreOrder order) {
        return outbox.add(StoreEvents.STORE_ORDERS, order.orderId.toString(), "StoreCancelled",
                new StoreEvents.StoreCancelled(order.orderId, order.buyerId)).replaceWithVoid();
    }

    public Uni<Void> storeRejected(StoreOrder order) {
        return outbox.add(StoreEvents.STORE_ORDERS, order.orderId.toString(), "StoreRejected",
                new StoreEvents.StoreRejected(order.orderId, order.buyerId, order.reason)).replaceWithVoid();
    }
}
