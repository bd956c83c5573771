package dev.fashionshop.store.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import dev.fashionshop.store.domain.ConsumedEvents.OrderCancelled;
import dev.fashionshop.store.domain.ConsumedEvents.OrderPlaced;
import dev.fashionshop.store.service.StoreOrderService;
import dev.fashionshop.support.messaging.EventHandlers;
import dev.fashionshop.support.messaging.EventInbox;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * store-service's one Kafka consumer, of the orders topic: a paid order reaches the store; a buyer's
 * cancellation waits for the owner. A poll's events are one batch, processed in one transaction.
 */
@ApplicationScoped
public class EventsConsumer {

    private final EventInbox inbox;
    private final EventHandlers handlers;

    EventsConsumer(EventInbox inbox, StoreOrderService storeOrders) {
        this.inbox = inbox;
        this.handlers = EventHandlers.builder()
                .on(OrderPlaced.class, (placed, event) -> storeOrders.receive(placed, event.time()))
                .on(OrderCancelled.class, (cancelled, event) -> storeOrders.requestCancel(event.orderId()))
                .build();
    }

    @Incoming("events-in")
    public Uni<Void> consume(KafkaRecordBatch<String, String> batch) {
        return inbox.process(batch, handlers);
    }
}
