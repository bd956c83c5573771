package dev.fashionshop.store.messaging;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.fashionshop.store.domain.Item;
import dev.fashionshop.store.domain.StoreOrder;
import dev.fashionshop.store.domain.Variant;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** The payloads of the events store-service publishes (docs/events.md). */
public final class StoreEvents {

    public static final String ITEMS = "items";
    public static final String STORE_ORDERS = "store-orders";

    private StoreEvents() {
    }

    /** The data of ItemRegistered and ItemUpdated: the whole item, so that a consumer can replace its copy. */
    @RegisterForReflection
    public record ItemSnapshot(UUID itemId, String name, String description, String category, long price,
            String currency, String imageUrl, List<VariantSnapshot> variants) {

        public static ItemSnapshot of(Item item) {
            return new ItemSnapshot(item.id, item.name, item.description, item.category, item.price, item.currency,
                    item.imageUrl, item.variants.stream().map(VariantSnapshot::of).toList());
        }
    }

    @RegisterForReflection
    public record VariantSnapshot(String sku, String size, String colour, int stock) {

        static VariantSnapshot of(Variant variant) {
            return new VariantSnapshot(variant.sku, variant.size, variant.colour, variant.stock);
        }
    }

    /** The data of StockChanged; {@code orderId} names the order that reserved or released stock, if one did. */
    @RegisterForReflection
    public record StockChanged(UUID itemId, String sku, int stock, UUID orderId) {
    }

    @RegisterForReflection
    public record StoreOrderLine(UUID itemId, String sku, int quantity, long unitPrice) {

        static List<StoreOrderLine> of(StoreOrder order) {
            return order.lines.stream().map(l -> new StoreOrderLine(l.itemId, l.sku, l.quantity, l.unitPrice)).toList();
        }
    }

    /** The data of StoreReceived: the store has the paid order, its stock reserved, and waits for the owner. */
    @RegisterForReflection
    public record StoreReceived(UUID orderId, String buyerId, List<StoreOrderLine> lines, Instant receivedAt) {

        public static StoreReceived of(StoreOrder order) {
            return new StoreReceived(order.orderId, order.buyerId, StoreOrderLine.of(order), order.receivedAt);
        }
    }

    /** The data of StoreAccepted: what delivery needs to start. */
    @RegisterForReflection
    public record StoreAccepted(UUID orderId, String buyerId, String shippingAddress, List<StoreOrderLine> lines) {

        public static StoreAccepted of(StoreOrder order) {
            return new StoreAccepted(order.orderId, order.buyerId, order.shippingAddress, StoreOrderLine.of(order));
        }
    }

    /** The data of StoreCancelled: the owner confirmed the buyer's cancellation; the stock is back. */
    @RegisterForReflection
    public record StoreCancelled(UUID orderId, String buyerId) {
    }

    @RegisterForReflection
    public record StoreRejected(UUID orderId, String buyerId, String reason) {
    }
}
