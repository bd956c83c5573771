package dev.fashionshop.order.messaging;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import dev.fashionshop.order.domain.OrderService;
import dev.fashionshop.order.domain.OrderStatus;
import dev.fashionshop.support.messaging.EventInbox;
import dev.fashionshop.support.messaging.IncomingEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/** Follows the rest of the saga: what the store, the delivery and the payments did with an order. */
@ApplicationScoped
public class SagaEventsConsumer {

    @Inject
    EventInbox inbox;

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

    @Incoming("payments-in")
    @Incoming("store-orders-in")
    @Incoming("deliveries-in")
    public Uni<Void> consume(KafkaRecordBatch<String, String> batch) {
        return inbox.process(batch, FOLLOWED.keySet(), this::handle);
    }

    private Uni<Void> handle(IncomingEvent event) {
        return orders.follow(event.orderId(), FOLLOWED.get(event.type()), event.type() + " " + event.id());
    }

}
