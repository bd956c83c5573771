package dev.fashionshop.store.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.fashionshop.store.domain.StoreOrder;

/** A store order as the owner sees it. */
public record StoreOrderView(UUID orderId, String status, String buyerId, long totalAmount, String currency,
        String shippingAddress, String reason, Instant receivedAt, List<Line> lines) {

    public record Line(UUID itemId, String sku, int quantity, long unitPrice) {
    }

    static StoreOrderView of(StoreOrder order) {
        return new StoreOrderView(order.orderId, order.status.name(), order.buyerId, order.totalAmount, order.currency,
                order.shippingAddress, order.reason, order.receivedAt,
                order.lines.stream().map(l -> new Line(l.itemId, l.sku, l.quantity, l.unitPrice)).toList());
    }
}
