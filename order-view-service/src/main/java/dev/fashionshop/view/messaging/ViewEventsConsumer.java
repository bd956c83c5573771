package dev.fashionshop.view.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import dev.fashionshop.support.messaging.EventInbox;
import dev.fashionshop.view.domain.CatalogProjection;
import dev.fashionshop.view.domain.OrderProjection;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/** Consumes every topic: the items build the catalogue view, the rest the my-orders view. */
@ApplicationScoped
public class ViewEventsConsumer {

    @Inject
    EventInbox inbox;

    @Inject
    CatalogProjection catalog;

    @Inject
    OrderProjection orders;

    @Incoming("items-in")
    public Uni<Void> consumeItems(KafkaRecordBatch<String, String> batch) {
        return inbox.process(batch, CatalogProjection.EVENTS, catalog::apply);
    }

    @Incoming("orders-in")
    @Incoming("payments-in")
    @Incoming("store-orders-in")
    @Incoming("deliveries-in")
    public Uni<Void> consumeOrderEvents(KafkaRecordBatch<String, String> batch) {
        return inbox.process(batch, orders::handles, orders::apply);
    }
}
