package dev.fashionshop.view.domain;

import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import dev.fashionshop.support.messaging.ConsumedEvent;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The events the view reads (docs/events.md), as far as it reads them: every topic's. The items build the
 * catalogue view; each event of an order sets in the my-orders view only what it knows (the order's lines,
 * the payment's, the store's or the delivery's status), the order being the record key.
 */
public final class ConsumedEvents {

    private ConsumedEvents() {
    }

    /** ItemRegistered and ItemUpdated carry the whole item, which replaces the view's copy. */
    public interface ItemSnapshot extends ConsumedEvent {

        UUID itemId();

        String name();

        String description();

        String category();

        Long price();

        String currency();

        String imageUrl();

        JsonNode variants();

        @Override
        default boolean isComplete() {
            return itemId() != null && name() != null && price() != null && currency() != null && variants() != null
                    && variants().isArray();
        }
    }

    @RegisterForReflection
    public record ItemRegistered(UUID itemId, String name, String description, String category, Long price,
            String currency, String imageUrl, JsonNode variants) implements ItemSnapshot {
    }

    @RegisterForReflection
    public record ItemUpdated(UUID itemId, String name, String description, String category, Long price,
            String currency, String imageUrl, JsonNode variants) implements ItemSnapshot {
    }

    @RegisterForReflection
    public record StockChanged(UUID itemId, String sku, Integer stock) implements ConsumedEvent {

        @Override
        public boolean isComplete() {
            return itemId != null && sku != null && stock != null;
        }
    }

    /** What an event of an order changes in the buyer's view of it. */
    public interface MyOrderChange extends ConsumedEvent {

        void applyTo(MyOrder order);
    }

    /** OrderPlaced and PaymentDeferred describe the order itself: its buyer, lines and amount. */
    interface OrderDescription extends MyOrderChange {

        String buyerId();

        Long totalAmount();

        String currency();

        JsonNode lines();

        default void describe(MyOrder order) {
            order.buyerId = buyerId() != null ? buyerId() : order.buyerId;
            order.totalAmount = totalAmount() != null ? totalAmount() : order.totalAmount;
            order.currency = currency() != null ? currency() : order.currency;
            order.lines = lines() != null ? lines().toString() : order.lines;
        }
    }

    @RegisterForReflection
    public record OrderPlaced(String buyerId, Long totalAmount, String currency, JsonNode lines) implements OrderDescription {

        @Override
        public void applyTo(MyOrder order) {
            describe(order);
            order.orderStatus = OrderStatusRules.orderStatusAfter(order.orderStatus, "PAID");
        }
    }

    @RegisterForReflection
    public record PaymentDeferred(String buyerId, Long totalAmount, String currency, JsonNode lines)
            implements OrderDescription {

        @Override
        public void applyTo(MyOrder order) {
            describe(order);
            order.orderStatus = OrderStatusRules.orderStatusAfter(order.orderStatus, "PAYMENT_DEFERRED");
        }
    }

    /** CANCEL_REQUESTED for a paid order, CANCELLED for one never paid. */
    @RegisterForReflection
    public record OrderCancelled(String buyerId, String status) implements MyOrderChange {

        @Override
        public void applyTo(MyOrder order) {
            order.buyerId = buyerId != null ? buyerId : order.buyerId;
            order.orderStatus = OrderStatusRules.orderStatusAfter(order.orderStatus, status != null ? status : "CANCEL_REQUESTED");
        }
    }

    @RegisterForReflection
    public record OrderExpired(String buyerId) implements MyOrderChange {

        @Override
        public void applyTo(MyOrder order) {
            order.buyerId = buyerId != null ? buyerId : order.buyerId;
            order.orderStatus = OrderStatusRules.orderStatusAfter(order.orderStatus, "EXPIRED");
        }
    }

    @RegisterForReflection
    public record PaymentApproved(String buyerId) implements MyOrderChange {

        @Override
        public void applyTo(MyOrder order) {
            order.buyerId = buyerId != null ? buyerId : order.buyerId;
            order.paymentStatus = "APPROVED";
        }
    }

    @RegisterForReflection
    public record PaymentDeclined(String buyerId) implements MyOrderChange {

        @Override
        public void applyTo(MyOrder order) {
            order.buyerId = buyerId != null ? buyerId : order.buyerId;
            order.paymentStatus = "DECLINED";
        }
    }

    @RegisterForReflection
    public record PaymentRefunded() implements MyOrderChange {

        @Override
        public void applyTo(MyOrder order) {
            order.paymentStatus = "REFUNDED";
        }
    }

    /** The store's status moves only forward: a late store event leaves a further status alone. */
    interface StoreReport extends MyOrderChange {

        String storeStatus();

        @Override
        default void applyTo(MyOrder order) {
            order.storeStatus = OrderStatusRules.storeStatusAfter(order.storeStatus, storeStatus());
        }
    }

    @RegisterForReflection
    public record StoreReceived() implements StoreReport {

        @Override
        public String storeStatus() {
            return "RECEIVED";
        }
    }

    @RegisterForReflection
    public record StoreAccepted() implements StoreReport {

        @Override
        public String storeStatus() {
            return "ACCEPTED";
        }
    }

    @RegisterForReflection
    public record StoreRejected() implements StoreReport {

        @Override
        public String storeStatus() {
            return "REJECTED";
        }
    }

    @RegisterForReflection
    public record StoreCancelled() implements StoreReport {

        @Override
        public String storeStatus() {
            return "CANCELLED";
        }
    }

    @RegisterForReflection
    public record DeliveryStarted() implements MyOrderChange {

        @Override
        public void applyTo(MyOrder order) {
            order.deliveryStatus = "STARTED";
        }
    }

    @RegisterForReflection
    public record DeliveryCompleted() implements MyOrderChange {

        @Override
        public void applyTo(MyOrder order) {
            order.deliveryStatus = "COMPLETED";
        }
    }

    @RegisterForReflection
    public record DeliveryCancelled() implements MyOrderChange {

        @Override
        public void applyTo(MyOrder order) {
            order.deliveryStatus = "CANCELLED";
        }
    }
}
