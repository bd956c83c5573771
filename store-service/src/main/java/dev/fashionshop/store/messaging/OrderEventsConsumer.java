package dev.fashionshop.store.messaging;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import dev.fashionshop.support.messaging.EventInbox;
import dev.fashionshop.support.messaging.IncomingEvent;
import dev.fashionshop.support.messaging.PoisonEventException;
import dev.fashionshop.store.domain.StoreOrderService;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/** Consumes the orders topic: a paid order reaches the store; a buyer's cancellation waits for the owner. */
@ApplicationScoped
public class OrderEventsConsumer {

    private static final Logger LOG = Logger.getLogger(OrderEventsConsumer.class);

    @Inject
    EventInbox inbox;

    @Inject
    StoreOrderService storeOrders;

    @Incoming("events-in")
    public Uni<Void> consume(KafkaRecordBatch<String, String> batch) {
        return inbox.process(batch, Set.of("OrderPlaced", "OrderCancelled"), this::handle);
    }

    private Uni<Void> handle(IncomingEvent event) {
        return switch (event.type()) {
            case "OrderPlaced" -> {
                OrderPlaced placed = event.dataAs(OrderPlaced.class);
                if (!placed.isComplete()) {
                    throw new PoisonEventException("OrderPlaced " + event.id() + " misses order data");
                }
                yield storeOrders.receive(placed);
            }
            case "OrderCancelled" -> storeOrders.requestCancel(event.orderId());
            default -> {
                LOG.debugf("Ignoring %s for order %s", event.type(), event.key());
                yield Uni.createFrom().voidItem();
            }
        };
    }
}
