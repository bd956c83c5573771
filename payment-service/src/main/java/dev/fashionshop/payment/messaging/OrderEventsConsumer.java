package dev.fashionshop.payment.messaging;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import dev.fashionshop.payment.domain.PaymentService;
import dev.fashionshop.support.messaging.EventHandler;
import dev.fashionshop.support.messaging.IncomingEvent;
import io.smallrye.mutiny.Uni;

/**
 * Consumes the orders topic for orders that ended before they were paid, as far as order-service
 * knows: expired, or cancelled while their payment was deferred. The payment may still have gone
 * through (the call timed out after the provider approved it); if it did, the money goes back.
 */
@ApplicationScoped
public class OrderEventsConsumer implements EventHandler {

    private static final Logger LOG = Logger.getLogger(OrderEventsConsumer.class);

    @Inject
    PaymentService payments;

    private static final Set<String> HANDLED = Set.of("OrderExpired", "OrderCancelled");

    @Override
    public boolean handles(String eventType) {
        return HANDLED.contains(eventType);
    }

    @Override
    public Uni<Void> handle(IncomingEvent event) {
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
