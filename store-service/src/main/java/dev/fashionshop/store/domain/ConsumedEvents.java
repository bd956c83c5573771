package dev.fashionshop.store.domain;

import java.util.List;
import java.util.UUID;

import dev.fashionshop.support.messaging.ConsumedEvent;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** The events store-service reads (docs/events.md), as far as it reads them. */
public final class ConsumedEvents {

    private ConsumedEvents() {
    }

    /** A paid order: what the store needs to reserve its stock and show it to the owner. */
    @RegisterForReflection
    public record OrderPlaced(UUID orderId, String buyerId, List<Line> lines, long totalAmount, String currency,
            String shippingAddress) implements ConsumedEvent {

        @RegisterForReflection
        public record Line(UUID itemId, String sku, int quantity, long unitPrice) {
        }

        @Override
        public boolean isComplete() {
            return orderId != null && buyerId != null && lines != null && !lines.isEmpty() && currency != null
                    && shippingAddress != null
                    && lines.stream().allMatch(l -> l.itemId() != null && l.sku() != null && l.quantity() > 0);
        }
    }

    /** The buyer asked to cancel; the order is their record key. */
    @RegisterForReflection
    public record OrderCancelled() implements ConsumedEvent {
    }
}
