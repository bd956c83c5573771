package dev.fashionshop.store.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.fashionshop.support.messaging.ShopEvent;
import dev.fashionshop.support.messaging.ShopTopics;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** The events store-service publishes on the store-orders topic (docs/events.md), keyed by the order. */
public sealed interface StoreOrderEvent extends ShopEvent {

    String TOPIC = ShopTopics.STORE_ORDERS;

    UUID orderId();

    @Override
    default String topic() {
        return TOPIC;
    }

    @Override
    default String key() {
        return orderId().toString();
    }

    @RegisterForReflection
    record Line(UUID itemId, String sku, int quantity, long unitPrice) {

        static List<Line> of(StoreOrder order) {
            return order.lines.stream().map(l -> new Line(l.itemId, l.sku, l.quantity, l.unitPrice)).toList();
        }
    }

    /** The store has the paid order, its stock reserved, and waits for the owner. */
    @RegisterForReflection
    record StoreReceived(UUID orderId, String buyerId, List<Line> lines, Instant receivedAt) implements StoreOrderEvent {
    }

    /** The owner accepted it: what delivery needs to start. */
    @RegisterForReflection
    record StoreAccepted(UUID orderId, String buyerId, String shippingAddress, List<Line> lines)
            implements StoreOrderEvent {
    }

    /** The store could not supply it; nothing was reserved. */
    @RegisterForReflection
    record StoreRejected(UUID orderId, String buyerId, String reason) implements StoreOrderEvent {
    }

    /** The owner confirmed the buyer's cancellation; the stock is back. */
    @RegisterForReflection
    record StoreCancelled(UUID orderId, String buyerId) implements StoreOrderEvent {
    }
}
