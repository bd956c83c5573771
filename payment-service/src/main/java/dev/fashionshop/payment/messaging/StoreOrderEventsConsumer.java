package dev.fashionshop.payment.messaging;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import dev.fashionshop.payment.domain.PaymentService;
import dev.fashionshop.support.messaging.EventHandler;
import dev.fashionshop.support.messaging.IncomingEvent;
import io.smallrye.mutiny.Uni;

/** Consumes the store-orders topic: an order the store cancelled or rejected is refunded. */
@ApplicationScoped
public class StoreOrderEventsConsumer implements EventHandler {

    private static final Logger LOG = Logger.getLogger(StoreOrderEventsConsumer.class);

    @Inject
    PaymentService payments;

    private static final Set<String> HANDLED = Set.of("StoreCancelled", "StoreRejected");

    @Override
    public boolean handles(String eventType) {
        return HANDLED.contains(eventType);
    }

    @Override
    public Uni<Void> handle(IncomingEvent event) {
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
