package dev.fashionshop.delivery.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import dev.fashionshop.delivery.domain.ConsumedEvents.StoreAccepted;
import dev.fashionshop.delivery.domain.ConsumedEvents.StoreCancelled;
import dev.fashionshop.delivery.service.DeliveryService;
import dev.fashionshop.support.messaging.EventHandlers;
import dev.fashionshop.support.messaging.EventInbox;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * delivery-service's one Kafka consumer, of the store-orders topic: an accepted order starts its delivery,
 * a cancelled one stops it. A poll's events are one batch, processed in one transaction.
 */
@ApplicationScoped
public class EventsConsumer {

    private final EventInbox inbox;
    private final EventHandlers handlers;

    EventsConsumer(EventInbox inbox, DeliveryService deliveries) {
        this.inbox = inbox;
        this.handlers = EventHandlers.builder()
                .on(StoreAccepted.class, (accepted, event) -> deliveries.start(accepted.orderId(), accepted.buyerId(),
                        accepted.shippingAddress()))
                .on(StoreCancelled.class, (cancelled, event) -> deliveries.cancel(event.orderId()))
                .build();
    }

    @Incoming("events-in")
    public Uni<Void> consume(KafkaRecordBatch<String, String> batch) {
        return inbox.process(batch, handlers);
    }
}
