package dev.fashionshop.order.service;

import dev.fashionshop.order.domain.Order;
import dev.fashionshop.support.idempotency.RecordedAnswer;

/**
 * What placing an order gave: the order, or, for a repeat of a request with the same Idempotency-Key,
 * the first request's answer to give again.
 */
public record Placement(Order order, RecordedAnswer firstAnswer) {

    static Placement of(Order order) {
        return new Placement(order, null);
    }

    public boolean isReplay() {
        return firstAnswer != null;
    }
}
