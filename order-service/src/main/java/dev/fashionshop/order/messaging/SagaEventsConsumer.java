package dev.fashionshop.order.messaging;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;


import dev.fashionshop.order.domain.OrderService;
import dev.fashionshop.order.domain.OrderStatus;
import dev.fashionshop.support.messaging.EventHandler;
import dev.fashionshop.support.messaging.IncomingEvent;
import io.smallrye.mutiny.Uni;

/** Follows the rest of the saga: what the store, the delivery and the payments did with an order. */
@ApplicationScoped
public class SagaEventsConsumer implements EventHandler {

    @Inject
    OrderService orders;

    /** The status each event the order follows moves it to; the order does not act on the other events. */
    private static final Map<String, OrderStatus> FOLLOWED = Map.of(
            "StoreAccepted", OrderStatus.ACCEPTED,
            "StoreRejected", OrderStatus.REJECTED,
            "DeliveryStarted", OrderStatus.SHIPPING,
            "DeliveryCompleted", OrderStatus.DELIVERED,
            // the last step of a cancellation: the store confirmed it and the money went back
            "PaymentRefunded", OrderStatus.CANCELLED);

    @Override
    public boolean handles(String eventType) {
        return FOLLOWED.containsKey(eventType);
    }

    @Override
    public Uni<Void> handle(IncomingEvent event) {
        return orders.follow(event.orderId(), FOLLOWED.get(event.type()), event.type() + " " + event.id());
    }

}
