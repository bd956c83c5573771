package dev.fashionshop.view.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Everything about one order, in one place: the my-orders view as the buyer reads it. */
public record MyOrderView(UUID orderId, String buyerId, String status, String paymentStatus, String storeStatus,
        String deliveryStatus, Long totalAmount, String currency, List<Line> lines, List<Step> timeline,
        Instant updatedAt) {

    public record Line(UUID itemId, String sku, int quantity, long unitPrice) {
    }

    /** One event of the order, and when it happened. */
    public record Step(String event, Instant at) {
    }
}
