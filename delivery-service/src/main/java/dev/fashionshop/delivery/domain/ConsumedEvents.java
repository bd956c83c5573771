package dev.fashionshop.delivery.domain;

import java.util.UUID;

import dev.fashionshop.support.messaging.ConsumedEvent;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** The events delivery-service reads (docs/events.md), as far as it reads them: the order is their record key. */
public final class ConsumedEvents {

    private ConsumedEvents() {
    }

    /** The owner accepted the order: what a delivery needs to start. */
    @RegisterForReflection
    public record StoreAccepted(UUID orderId, String buyerId, String shippingAddress) implements ConsumedEvent {

        @Override
        public boolean isComplete() {
            return orderId != null && buyerId != null && shippingAddress != null;
        }
    }

    /** The owner confirmed the order's cancellation. */
    @RegisterForReflection
    public record StoreCancelled() implements ConsumedEvent {
    }
}
