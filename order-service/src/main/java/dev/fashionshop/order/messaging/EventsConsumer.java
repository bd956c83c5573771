package dev.fashionshop.order.messaging;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import dev.fashionshop.support.messaging.EventHandler;
import dev.fashionshop.support.messaging.EventInbox;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * order-service's one Kafka consumer, of every topic it reads (items for the catalogue replica, payments, store-orders and deliveries for the orders): a poll's events are one batch,
 * processed in one transaction, each event by the handler of its type.
 */
@ApplicationScoped
public class EventsConsumer {

    private final EventInbox inbox;
    private final List<EventHandler> handlers;

    EventsConsumer(EventInbox inbox, CatalogueEventsConsumer catalogue, SagaEventsConsumer saga) {
        this.inbox = inbox;
        this.handlers = List.of(catalogue, saga);
    }

    @Incoming("events-in")
    public Uni<Void> consume(KafkaRecordBatch<String, String> batch) {
        return inbox.process(batch, handlers);
    }
}
