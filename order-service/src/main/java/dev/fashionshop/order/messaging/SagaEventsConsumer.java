package dev.fashionshop.order.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import dev.fashionshop.order.domain.OrderService;
import dev.fashionshop.order.domain.OrderStatus;
import dev.fashionshop.support.messaging.EventInbox;
import dev.fashionshop.support.messaging.IncomingEvent;
import io.smallrye.mutiny.Uni;

/** Follows the rest of the saga: what the store, the delivery and the payments did with an order. */
@ApplicationScoped
public class SagaEventsConsumer {

    private static final Logger LOG = Logger.getLogger(SagaEventsConsumer.class);

    @Inject
    EventInbox inbox;

    @Inject
    OrderService orders;

    @Incoming("payments-in")
    @Incoming("store-orders-in")
    @Incoming("deliveries-in")
    public Uni<Void> consume(Message<String> message) {
        return inbox.process(message, this::handle);
    }

    private Uni<Void> handle(IncomingEvent event) {
        OrderStatus next = switch (event.type()) {
            case "StoreAccepted" -> OrderStatus.ACCEPTED;
            case "StoreRejected" -> OrderStatus.REJECTED;
            case "DeliveryStarted" -> OrderStatus.SHIPPING;
            case "DeliveryCompleted" -> OrderStatus.DELIVERED;
            // the last step of a cancellation: the store confirmed it and the money went back
            case "PaymentRefunded" -> OrderStatus.CANCELLED;
            default -> null;
        };
        if (next == null) {
            LOG.debugf("Ignoring %s for order %s", event.type(), event.key());
            return Uni.createFrom().voidItem();
        }
        return orders.follow(event.orderId(), next, event.type() + " " + event.id());
    }

}
