package dev.fashionshop.local.audit;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The state of every service at one moment, as far as the invariants need it. Each map is keyed by
 * order id unless it says otherwise; an order absent from a map is unknown to that service.
 *
 * @param orders             order-service: status of each order
 * @param payments           payment-service: status of each order's payment
 * @param storeOrders        store-service: status of each store order
 * @param deliveries         delivery-service: status of each order's delivery
 * @param views              order-view-service: the my-orders row of each order
 * @param published          events each service published per order (from its outbox), as "Type" -> count
 * @param orderedQuantity    store-service: the quantity each store order asks for, all lines together
 * @param reserved           store-service: stock taken for each order (RESERVED movements, as a positive number)
 * @param released           store-service: stock given back by each order (RELEASED movements)
 * @param stock              store-service: stock of each SKU
 * @param ledgerStock        store-service: the sum of each SKU's stock movements
 * @param buyers             order-service: the buyer of each order
 * @param keyedOrders        order-service: the orders created under an Idempotency-Key, with their key
 * @param deadLetters        records in each dead-letter topic
 */
public record ShopSnapshot(
        Map<UUID, String> orders,
        Map<UUID, String> payments,
        Map<UUID, String> storeOrders,
        Map<UUID, String> deliveries,
        Map<UUID, View> views,
        Map<UUID, Map<String, Integer>> published,
        Map<UUID, Long> orderedQuantity,
        Map<UUID, Long> reserved,
        Map<UUID, Long> released,
        Map<String, Long> stock,
        Map<String, Long> ledgerStock,
        Map<UUID, String> buyers,
        List<KeyedOrder> keyedOrders,
        Map<String, Long> deadLetters) {

    /** An order created under a buyer's Idempotency-Key. */
    public record KeyedOrder(String buyer, String key, UUID orderId) {
    }

    /** What the buyer sees of an order in order-view-service. */
    public record View(String status, String paymentStatus, String storeStatus, String deliveryStatus) {
    }

    /** Every order id any service knows. */
    public Set<UUID> orderIds() {
        Set<UUID> ids = new TreeSet<>();
        ids.addAll(orders.keySet());
        ids.addAll(payments.keySet());
        ids.addAll(storeOrders.keySet());
        ids.addAll(deliveries.keySet());
        ids.addAll(views.keySet());
        return ids;
    }

    /** How many events of that type were published for the order. */
    public int publishedCount(UUID orderId, String type) {
        return published.getOrDefault(orderId, Map.of()).getOrDefault(type, 0);
    }
}
