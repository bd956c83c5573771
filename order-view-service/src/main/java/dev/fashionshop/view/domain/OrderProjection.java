package dev.fashionshop.view.domain;

import java.time.Instant;
import java.util.UUID;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;

import dev.fashionshop.support.messaging.IncomingEvent;
import dev.fashionshop.view.persistence.MyOrderRepository;
import dev.fashionshop.view.persistence.TimelineRepository;
import io.smallrye.mutiny.Uni;

/**
 * Builds the my-orders view from the events of every topic. Each event sets only what it knows
 * (the order's lines, the payment's, the store's or the delivery's status) and adds a line to the
 * timeline; the overall status is derived from all of it. Runs in the consumer's transaction; the
 * table's trigger announces the change on commit to whoever streams the buyer's orders.
 */
@ApplicationScoped
public class OrderProjection {

    private static final Logger LOG = Logger.getLogger(OrderProjection.class);

    @Inject
    MyOrderRepository orders;

    @Inject
    TimelineRepository timeline;

    /** Whether the event type changes the view; the others are not even recorded as processed. */
    public boolean handles(String eventType) {
        return changeFor(eventType, NullNode.getInstance()) != null;
    }

    public Uni<Void> apply(IncomingEvent event) {
        Consumer<MyOrder> change = changeFor(event.type(), event.dataAs(JsonNode.class));
        if (change == null) {
            LOG.debugf("No view change for %s", event.type());
            return Uni.createFrom().voidItem();
        }
        UUID orderId = event.orderId();
        return orders.findById(orderId)
                .map(found -> found != null ? found : newOrder(orderId))
                .invoke(order -> {
                    change.accept(order);
                    order.deriveStatus();
                })
                .call(orders::persist)
                .call(() -> timeline.persist(entry(event, orderId)))
                .replaceWithVoid();
    }

    private static Consumer<MyOrder> changeFor(String type, JsonNode data) {
        return switch (type) {
            case "OrderPlaced" -> order -> {
                describe(order, data);
                order.orderStatus = "PAID";
            };
            case "PaymentDeferred" -> order -> {
                describe(order, data);
                order.orderStatus = "PAYMENT_DEFERRED";
            };
            case "OrderCancelled" -> order -> {
                order.buyerId = text(data, "buyerId", order.buyerId);
                order.orderStatus = text(data, "status", "CANCEL_REQUESTED");
            };
            case "OrderExpired" -> order -> {
                order.buyerId = text(data, "buyerId", order.buyerId);
                order.orderStatus = "EXPIRED";
            };
            case "PaymentRefunded" -> order -> order.paymentStatus = "REFUNDED";
            case "StoreCancelled" -> storeReported("CANCELLED");
            case "DeliveryCancelled" -> order -> order.deliveryStatus = "CANCELLED";
            case "PaymentApproved" -> order -> {
                order.buyerId = text(data, "buyerId", order.buyerId);
                order.paymentStatus = "APPROVED";
            };
            case "PaymentDeclined" -> order -> {
                order.buyerId = text(data, "buyerId", order.buyerId);
                order.paymentStatus = "DECLINED";
            };
            case "StoreReceived" -> storeReported("RECEIVED");
            case "StoreAccepted" -> storeReported("ACCEPTED");
            case "StoreRejected" -> storeReported("REJECTED");
            case "DeliveryStarted" -> order -> order.deliveryStatus = "STARTED";
            case "DeliveryCompleted" -> order -> order.deliveryStatus = "COMPLETED";
            default -> null;
        };
    }

    /** The store's status moves only forward: a late store event leaves a further status alone. */
    private static Consumer<MyOrder> storeReported(String storeStatus) {
        return order -> order.storeStatus = OrderStatusRules.storeStatusAfter(order.storeStatus, storeStatus);
    }

    /** What the orders topic says of the order itself: its buyer, lines and amount. */
    private static void describe(MyOrder order, JsonNode data) {
        order.buyerId = text(data, "buyerId", order.buyerId);
        if (data.hasNonNull("totalAmount")) {
            order.totalAmount = data.get("totalAmount").asLong();
        }
        order.currency = text(data, "currency", order.currency);
        if (data.has("lines")) {
            order.lines = data.get("lines").toString();
        }
    }

    private static String text(JsonNode data, String field, String otherwise) {
        return data.hasNonNull(field) ? data.get(field).asText() : otherwise;
    }

    private static MyOrder newOrder(UUID orderId) {
        MyOrder order = new MyOrder();
        order.orderId = orderId;
        return order;
    }

    private static TimelineEntry entry(IncomingEvent event, UUID orderId) {
        TimelineEntry entry = new TimelineEntry();
        entry.eventId = event.id();
        entry.orderId = orderId;
        entry.event = event.type();
        entry.at = event.time() != null ? event.time() : Instant.now();
        return entry;
    }

}
