package dev.fashionshop.order.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.fashionshop.support.messaging.ShopEvent;
import dev.fashionshop.support.messaging.ShopTopics;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** The events order-service publishes on the orders topic (docs/events.md), keyed by the order. */
public sealed interface OrderEvent extends ShopEvent {

    String TOPIC = ShopTopics.ORDERS;

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
    }

    /** Paid: the store is to supply it. */
    @RegisterForReflection
    record OrderPlaced(UUID orderId, String buyerId, List<Line> lines, long totalAmount, String currency,
            String shippingAddress, UUID paymentId, Instant placedAt) implements OrderEvent {
    }

    /**
     * The buyer cancelled: {@code status} is CANCEL_REQUESTED for a paid order (the store confirms, then
     * the payment is refunded), CANCELLED for one that was never paid.
     */
    @RegisterForReflection
    record OrderCancelled(UUID orderId, String buyerId, String status) implements OrderEvent {
    }

    /** Left unpaid longer than the shop waits: it will never be processed. */
    @RegisterForReflection
    record OrderExpired(UUID orderId, String buyerId) implements OrderEvent {
    }

    /** The payment could not be taken now (the fallback): the buyer pays later. */
    @RegisterForReflection
    record PaymentDeferred(UUID orderId, String buyerId, long totalAmount, String currency, String reason)
            implements OrderEvent {
    }
}
