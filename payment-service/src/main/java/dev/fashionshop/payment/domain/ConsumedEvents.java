package dev.fashionshop.payment.domain;

import dev.fashionshop.support.messaging.ConsumedEvent;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** The events payment-service reads (docs/events.md), as far as it reads them: the order is their record key. */
public final class ConsumedEvents {

    private ConsumedEvents() {
    }

    /** An order left unpaid too long: a payment that went through after all is refunded. */
    @RegisterForReflection
    public record OrderExpired() implements ConsumedEvent {
    }

    /** The status the cancellation left the order in: CANCELLED means it was never paid, as far as order-service knows. */
    @RegisterForReflection
    public record OrderCancelled(String status) implements ConsumedEvent {

        public boolean beforePayment() {
            return "CANCELLED".equals(status);
        }
    }

    @RegisterForReflection
    public record StoreCancelled() implements ConsumedEvent {
    }

    @RegisterForReflection
    public record StoreRejected() implements ConsumedEvent {
    }
}
