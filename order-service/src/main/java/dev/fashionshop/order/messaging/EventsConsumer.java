package dev.fashionshop.order.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import dev.fashionshop.order.domain.ConsumedEvents.DeliveryCompleted;
import dev.fashionshop.order.domain.ConsumedEvents.DeliveryStarted;
import dev.fashionshop.order.domain.ConsumedEvents.ItemRegistered;
import dev.fashionshop.order.domain.ConsumedEvents.ItemUpdated;
import dev.fashionshop.order.domain.ConsumedEvents.PaymentDeclined;
import dev.fashionshop.order.domain.ConsumedEvents.PaymentRefunded;
import dev.fashionshop.order.domain.ConsumedEvents.StockChanged;
import dev.fashionshop.order.domain.ConsumedEvents.StoreAccepted;
import dev.fashionshop.order.domain.ConsumedEvents.StoreRejected;
import dev.fashionshop.order.domain.OrderStatus;
import dev.fashionshop.order.service.CatalogueReplica;
import dev.fashionshop.order.service.OrderService;
import dev.fashionshop.support.messaging.EventHandlers;
import dev.fashionshop.support.messaging.EventInbox;
import dev.fashionshop.support.messaging.IncomingEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * order-service's one Kafka consumer, of every topic it reads: the items keep the catalogue replica, and
 * what the store, the delivery and the payments did moves the order on. A poll's events are one batch,
 * processed in one transaction, each event by the handler of its type.
 */
@ApplicationScoped
public class EventsConsumer {

    private final EventInbox inbox;
    private final EventHandlers handlers;

    EventsConsumer(EventInbox inbox, CatalogueReplica catalogue, OrderService orders) {
        this.inbox = inbox;
        this.handlers = EventHandlers.builder()
                .on(ItemRegistered.class, (item, event) -> catalogue.save(item))
                .on(ItemUpdated.class, (item, event) -> catalogue.save(item))
                .on(StockChanged.class, (changed, event) -> catalogue.setStock(changed))
                .on(StoreAccepted.class, (accepted, event) -> follow(orders, event, OrderStatus.ACCEPTED))
                .on(StoreRejected.class, (rejected, event) -> follow(orders, event, OrderStatus.REJECTED))
                .on(DeliveryStarted.class, (started, event) -> follow(orders, event, OrderStatus.SHIPPING))
                .on(DeliveryCompleted.class, (completed, event) -> follow(orders, event, OrderStatus.DELIVERED))
                .on(PaymentDeclined.class, (declined, event) -> follow(orders, event, OrderStatus.PAYMENT_DECLINED))
                .on(PaymentRefunded.class, (refunded, event) -> follow(orders, event, OrderStatus.CANCELLED))
                .build();
    }

    private static Uni<Void> follow(OrderService orders, IncomingEvent event, OrderStatus next) {
        return orders.follow(event.orderId(), next, event.type() + " " + event.id(), event.time());
    }

    @Incoming("events-in")
    public Uni<Void> consume(KafkaRecordBatch<String, String> batch) {
        return inbox.process(batch, handlers);
    }
}
