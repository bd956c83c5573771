package dev.fashionshop.view.messaging;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import dev.fashionshop.support.messaging.EventHandler;
import dev.fashionshop.support.messaging.EventInbox;
import dev.fashionshop.view.domain.CatalogProjection;
import dev.fashionshop.view.domain.OrderProjection;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * The view's one Kafka consumer, of every topic: the items build the catalogue view, the rest the my-orders
 * view. A poll's events are one batch, processed in one transaction.
 */
@ApplicationScoped
public class ViewEventsConsumer {

    private final EventInbox inbox;
    private final List<EventHandler> handlers;

    ViewEventsConsumer(EventInbox inbox, CatalogProjection catalog, OrderProjection orders) {
        this.inbox = inbox;
        this.handlers = List.of(EventHandler.of(CatalogProjection.EVENTS::contains, catalog::apply),
                EventHandler.of(orders::handles, orders::apply));
    }

    @Incoming("events-in")
    public Uni<Void> consume(KafkaRecordBatch<String, String> batch) {
        return inbox.process(batch, handlers);
    }
}
