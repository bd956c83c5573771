package dev.fashionshop.payment.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import dev.fashionshop.payment.domain.ConsumedEvents.OrderCancelled;
import dev.fashionshop.payment.domain.ConsumedEvents.OrderExpired;
import dev.fashionshop.payment.domain.ConsumedEvents.StoreCancelled;
import dev.fashionshop.payment.domain.ConsumedEvents.StoreRejected;
import dev.fashionshop.payment.service.PaymentService;
import dev.fashionshop.support.messaging.EventHandlers;
import dev.fashionshop.support.messaging.EventInbox;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * payment-service's one Kafka consumer, of the orders and store-orders topics: what it reads ends in a
 * refund. An order the store cancelled or rejected was paid; an order that expired, or was cancelled
 * while its payment was deferred, may still have been paid (the call timed out after the provider
 * approved it). A poll's events are one batch, processed in one transaction.
 */
@ApplicationScoped
public class EventsConsumer {

    private final EventInbox inbox;
    private final EventHandlers handlers;

    EventsConsumer(EventInbox inbox, PaymentService payments) {
        this.inbox = inbox;
        this.handlers = EventHandlers.builder()
                .on(StoreCancelled.class, (cancelled, event) -> payments.refund(event.orderId(), "order cancelled"))
                .on(StoreRejected.class, (rejected, event) -> payments.refund(event.orderId(), "rejected by the store"))
                .on(OrderExpired.class, (expired, event) -> payments.refundEnded(event.orderId(),
                        "order expired before it was paid"))
                .on(OrderCancelled.class, (cancelled, event) -> cancelled.beforePayment()
                        ? payments.refundEnded(event.orderId(), "order cancelled before it was paid")
                        : Uni.createFrom().voidItem())
                .build();
    }

    @Incoming("events-in")
    public Uni<Void> consume(KafkaRecordBatch<String, String> batch) {
        return inbox.process(batch, handlers);
    }
}
