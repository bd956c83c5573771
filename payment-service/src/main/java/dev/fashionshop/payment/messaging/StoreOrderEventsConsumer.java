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

/** Consumes the store-orders topic: an order the store cancelled or rejected is refunded. */
@ApplicationScoped
public class StoreOrderEventsConsumer {

    private static final Logger LOG = Logger.getLogger(StoreOrderEventsConsumer.class);

    @Inject
    EventInbox inbox;

    @Inject
    PaymentService payments;

    @Incoming("store-orders-in")
    public Uni<Void> consume(KafkaRecordBatch<String, String> batch) {
        return inbox.process(batch, Set.of("StoreCancelled", "StoreRejected"), this::handle);
    }

    private Uni<Void> handle(IncomingEvent event) {
        return switch (event.type()) {
            case "StoreCancelled" -> payments.refund(event.orderId(), "order cancelled");
            case "StoreRejected" -> payments.refund(event.orderId(), "rejected by the store");
            default -> {
                LOG.debugf("Ignoring %s for order %s", event.type(), event.key());
                yield Uni.createFrom().voidItem();
            }
        };
    }

}
