package dev.fashionshop.order.domain;

import java.util.List;
import java.util.UUID;

import dev.fashionshop.support.messaging.ConsumedEvent;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** The events order-service reads (docs/events.md), as far as it reads them. */
public final class ConsumedEvents {

    private ConsumedEvents() {
    }

    /** ItemRegistered and ItemUpdated carry the whole item: the replica keeps its price and its variants' stock. */
    public interface ItemSnapshot extends ConsumedEvent {

        UUID itemId();

        String name();

        Long price();

        String currency();

        List<Variant> variants();

        @Override
        default boolean isComplete() {
            return itemId() != null && name() != null && price() != null && currency() != null && variants() != null
                    && variants().stream().allMatch(v -> v.sku() != null && v.stock() != null);
        }
    }

    @RegisterForReflection
    public record Variant(String sku, Integer stock) {
    }

    @RegisterForReflection
    public record ItemRegistered(UUID itemId, String name, Long price, String currency, List<Variant> variants)
            implements ItemSnapshot {
    }

    @RegisterForReflection
    public record ItemUpdated(UUID itemId, String name, Long price, String currency, List<Variant> variants)
            implements ItemSnapshot {
    }

    @RegisterForReflection
    public record StockChanged(UUID itemId, String sku, Integer stock) implements ConsumedEvent {

        @Override
        public boolean isComplete() {
            return sku != null && stock != null;
        }
    }

    /*
     * The rest of the saga moves the order on: the order is their record key, and their data is not read.
     */

    @RegisterForReflection
    public record StoreAccepted() implements ConsumedEvent {
    }

    @RegisterForReflection
    public record StoreRejected() implements ConsumedEvent {
    }

    @RegisterForReflection
    public record DeliveryStarted() implements ConsumedEvent {
    }

    @RegisterForReflection
    public record DeliveryCompleted() implements ConsumedEvent {
    }

    /**
     * payment-service declined the order's payment: the answer order-service waits for, or one it lost (the call
     * timed out and the order was deferred). payment-service answers its first result to any later payment of
     * the order, so the decline is final either way.
     */
    @RegisterForReflection
    public record PaymentDeclined() implements ConsumedEvent {
    }

    /** The last step of a cancellation: the store confirmed it and the money went back. */
    @RegisterForReflection
    public record PaymentRefunded() implements ConsumedEvent {
    }
}
