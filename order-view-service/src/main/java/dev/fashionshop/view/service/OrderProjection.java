package dev.fashionshop.view.service;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.fashionshop.support.messaging.IncomingEvent;
import dev.fashionshop.view.domain.ConsumedEvents.MyOrderChange;
import dev.fashionshop.view.domain.MyOrder;
import dev.fashionshop.view.domain.TimelineEntry;
import dev.fashionshop.view.persistence.MyOrderRepository;
import dev.fashionshop.view.persistence.TimelineRepository;
import io.smallrye.mutiny.Uni;

/**
 * Builds the my-orders view from the events of every topic. Each event sets only what it knows and adds
 * a line to the timeline; the overall status is derived from all of it. Runs in the consumer's
 * transaction; the table's trigger announces the change on commit to whoever streams the buyer's orders.
 */
@ApplicationScoped
public class OrderProjection {

    private final MyOrderRepository orders;
    private final TimelineRepository timeline;

    OrderProjection(MyOrderRepository orders, TimelineRepository timeline) {
        this.orders = orders;
        this.timeline = timeline;
    }

    public Uni<Void> apply(MyOrderChange change, IncomingEvent event) {
        UUID orderId = event.orderId();
        return orders.findById(orderId)
                .map(found -> found != null ? found : newOrder(orderId))
                .invoke(order -> {
                    change.applyTo(order);
                    order.deriveStatus();
                })
                .call(orders::persist)
                .call(() -> timeline.persist(entry(event, orderId)))
                .replaceWithVoid();
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
