package dev.fashionshop.order.service;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import dev.fashionshop.order.domain.Order;
import dev.fashionshop.order.domain.OrderStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;

/**
 * Counts what orders come to ({@value #NAME}, by outcome): a payment call's answer (paid, declined,
 * deferred) and the ends of the saga (delivered, rejected, cancelled, expired). Counted by the transaction
 * that moves the order, when the move is made: one that then fails to commit (rare: the database went
 * away) has counted it, and counts it again when retried.
 */
@ApplicationScoped
@Startup // its counters exist, at 0, before its first use
public class OrderOutcomes {

    static final String NAME = "shop.orders";
    private static final Set<OrderStatus> OUTCOMES = Set.of(OrderStatus.PAID, OrderStatus.PAYMENT_DECLINED,
            OrderStatus.PAYMENT_DEFERRED, OrderStatus.DELIVERED, OrderStatus.REJECTED, OrderStatus.CANCELLED,
            OrderStatus.EXPIRED);

    private final Map<OrderStatus, Counter> counters = new EnumMap<>(OrderStatus.class);

    OrderOutcomes(MeterRegistry registry) {
        // every outcome from the start, at 0: a rate over a counter that appears late misses its first orders
        for (OrderStatus outcome : OUTCOMES) {
            counters.put(outcome, Counter.builder(NAME).description("Orders by what they came to")
                    .tag("outcome", tagOf(outcome)).register(registry));
        }
    }

    /** Counts the order's state if it is an outcome. */
    void reached(Order order) {
        Counter counter = counters.get(order.status);
        if (counter != null) {
            counter.increment();
        }
    }

    private static String tagOf(OrderStatus outcome) {
        return outcome.name().replace("PAYMENT_", "").toLowerCase(Locale.ROOT);
    }
}
