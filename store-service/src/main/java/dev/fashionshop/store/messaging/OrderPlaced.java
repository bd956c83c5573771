package dev.fashionshop.store.messaging;

import java.util.List;
import java.util.UUID;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The data of OrderPlaced, as store-service reads it (docs/events.md). */
@RegisterForReflection
public record OrderPlaced(UUID orderId, String buyerId, List<Line> lines, long totalAmount, String currency,
        String shippingAddress) {

    @RegisterForReflection
    public record Line(UUID itemId, String sku, int quantity, long unitPrice) {
    }

    /** Whether it carries what the store needs; an event that does not is poison. */
    public boolean isComplete() {
        return orderId != null && buyerId != null && lines != null && !lines.isEmpty() && currency != null
                && shippingAddress != null
                && lines.stream().allMatch(l -> l.itemId() != null && l.sku() != null && l.quantity() > 0);
    }
}
