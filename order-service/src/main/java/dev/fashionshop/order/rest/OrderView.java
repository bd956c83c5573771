package dev.fashionshop.order.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.fashionshop.order.domain.Order;

/** An order as its buyer sees it. */
public record OrderView(UUID id, String status, long totalAmount, String currency, String shippingAddress,
        List<Line> lines, Instant createdAt, Instant updatedAt) {

    public record Line(UUID itemId, String sku, int quantity, long unitPrice) {
    }

    static OrderView of(Order order) {
        return new OrderView(order.id, order.status.name(), order.totalAmount, order.currency, order.shippingAddress,
                order.lines.stream().map(l -> new Line(l.itemId, l.sku, l.quantity, l.unitPrice)).toList(),
                order.createdAt, order.updatedAt);
    }
}
