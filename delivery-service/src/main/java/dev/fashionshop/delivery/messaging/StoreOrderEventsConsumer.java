package dev.fashionshop.delivery.messaging;

import java.util.UUID;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import dev.fashionshop.delivery.domain.DeliveryService;
import dev.fashionshop.support.messaging.EventInbox;
import dev.fashionshop.support.messaging.IncomingEvent;
import dev.fashionshop.support.messaging.PoisonEventException;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/** Consumes the store-orders topic: an accepted order starts its delivery, a cancelled one stops it. */
@ApplicationScoped
public class StoreOrderEventsConsumer {

    private static final Logger LOG = Logger.getLogger(StoreOrderEventsConsumer.class);

    @Inject
    EventInbox inbox;

    @Inject
    DeliveryService deliveries;

    /** The data of StoreAccepted, as far as delivery reads it. */
    @RegisterForReflection
    record StoreAccepted(UUID orderId, String buyerId, String shippingAddress) {
    }

    @Incoming("events-in")
    public Uni<Void> consume(KafkaRecordBatch<String, String> batch) {
        return inbox.process(batch, Set.of("StoreAccepted", "StoreCancelled"), this::handle);
    }

    private Uni<Void> handle(IncomingEvent event) {
        if ("StoreCancelled".equals(event.type())) {
            return deliveries.cancel(event.orderId());
        }
        if (!"StoreAccepted".equals(event.type())) {
            LOG.debugf("Ignoring %s for order %s", event.type(), event.key());
            return Uni.createFrom().voidItem();
        }
        StoreAccepted accepted = event.dataAs(StoreAccepted.class);
        if (accepted.orderId() == null || accepted.buyerId() == null || accepted.shippingAddress() == null) {
            throw new PoisonEventException("StoreAccepted " + event.id() + " misses order data");
        }
        return deliveries.start(accepted.orderId(), accepted.buyerId(), accepted.shippingAddress());
    }

}
