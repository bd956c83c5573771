package dev.fashionshop.payment.messaging;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import dev.fashionshop.payment.domain.PaymentService;
import dev.fashionshop.support.messaging.EventInbox;
import dev.fashionshop.support.messaging.IncomingEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * Consumes the orders topic for orders that ended before they were paid, as far as order-service
 * knows: expired, or cancelled while their payment was deferred. The payment may still have gone
 * through (the call timed out after the provider approved it); if it did, the money goes back.
 */
@ApplicationScoped
public class OrderEventsConsumer {

    private static final Logger LOG = Logger.getLogger(OrderEventsConsumer.class);

    @Inject
    EventInbox inbox;

    @Inject
    PaymentService payments;

    @Incoming("orders-in")
    public Uni<Void> consume(KafkaRecordBatch<String, String> batch) {
        return inbox.process(batch, Set.of("OrderExpired", "OrderCancelled"), this::handle);
    }

    private Uni<Void> handle(IncomingEvent event) {
        if ("OrderExpired".equals(event.type())) {
            return payments.refundEnded(event.orderId(), "order expired before it was paid");
        }
        if ("OrderCancelled".equals(event.type()) && "CANCELLED".equals(event.dataAs(OrderCancelled.class).status())) {
            return payments.refundEnded(event.orderId(), "order cancelled before it was paid");
        }
        LOG.debugf("Ignoring %s for order %s", event.type(), event.key());
        return Uni.createFrom().voidItem();
    }

    /** The part of OrderCancelled this service reads: the status the cancellation left the order in. */
    @io.quarkus.runtime.annotations.RegisterForReflection
    record OrderCancelled(String status) {
    }
}
