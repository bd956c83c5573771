package dev.fashionshop.order.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The payloads of the events order-service publishes on the orders topic (docs/events.md). */
public final class OrderEvents {

    public static final String TOPIC = "orders";

    private OrderEvents() {
    }

    @RegisterForReflection
    public record Line(UUID itemId, String sku, int quantity, long unitPrice) {
    }

    @RegisterForReflection
    public record OrderPlaced(UUID orderId, String buyerId, List<Line> lines, long totalAmount, String currency,
            String shippingAddress, UUID paymentId, Instant placedAt) {

        static OrderPlaced of(Order order) {
            return new OrderPlaced(order.id, order.buyerId,
                    order.lines.stream().map(l -> new Line(l.itemId, l.sku, l.quantity, l.unitPrice)).toList(),
                    order.totalAmount, order.currency, order.shippingAddress, order.paymentId, order.updatedAt);
        }
    }

    /**
     * The buyer cancelled: {@code status} is CANCEL_REQUESTED for a paid order (the store confirms, then
     * the payment is refunded), CANCELLED for one that was never paid.
     */
    @RegisterForReflection
    public record OrderCancelled(UUID orderId, String buyerId, String status) {
    }

    /** An order left unpaid longer than the shop waits: it will never be processed. */
    @RegisterForReflection
    public record OrderExpired(UUID orderId, String buyerId) {
    }

    @RegisterForReflection
    public record PaymentDeferred(UUID orderId, String buyerId, long totalAmount, String currency, String reason) {
    }
}
