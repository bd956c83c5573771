package dev.fashionshop.view.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import dev.fashionshop.support.messaging.EventHandlers;
import dev.fashionshop.support.messaging.EventInbox;
import dev.fashionshop.view.domain.ConsumedEvents.DeliveryCancelled;
import dev.fashionshop.view.domain.ConsumedEvents.DeliveryCompleted;
import dev.fashionshop.view.domain.ConsumedEvents.DeliveryStarted;
import dev.fashionshop.view.domain.ConsumedEvents.ItemRegistered;
import dev.fashionshop.view.domain.ConsumedEvents.ItemUpdated;
import dev.fashionshop.view.domain.ConsumedEvents.OrderCancelled;
import dev.fashionshop.view.domain.ConsumedEvents.OrderExpired;
import dev.fashionshop.view.domain.ConsumedEvents.OrderPlaced;
import dev.fashionshop.view.domain.ConsumedEvents.PaymentApproved;
import dev.fashionshop.view.domain.ConsumedEvents.PaymentDeclined;
import dev.fashionshop.view.domain.ConsumedEvents.PaymentDeferred;
import dev.fashionshop.view.domain.ConsumedEvents.PaymentRefunded;
import dev.fashionshop.view.domain.ConsumedEvents.StockChanged;
import dev.fashionshop.view.domain.ConsumedEvents.StoreAccepted;
import dev.fashionshop.view.domain.ConsumedEvents.StoreCancelled;
import dev.fashionshop.view.domain.ConsumedEvents.StoreReceived;
import dev.fashionshop.view.domain.ConsumedEvents.StoreRejected;
import dev.fashionshop.view.service.CatalogProjection;
import dev.fashionshop.view.service.OrderProjection;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * The view's one Kafka consumer, of every topic: the items build the catalogue view, the rest the my-orders
 * view. A poll's events are one batch, processed in one transaction.
 */
@ApplicationScoped
public class EventsConsumer {

    private final EventInbox inbox;
    private final EventHandlers handlers;

    EventsConsumer(EventInbox inbox, CatalogProjection catalog, OrderProjection orders) {
        this.inbox = inbox;
        this.handlers = EventHandlers.builder()
                .on(ItemRegistered.class, catalog::save)
                .on(ItemUpdated.class, catalog::save)
                .on(StockChanged.class, (changed, event) -> catalog.setStock(changed))
                .on(OrderPlaced.class, orders::apply)
                .on(PaymentDeferred.class, orders::apply)
                .on(OrderCancelled.class, orders::apply)
                .on(OrderExpired.class, orders::apply)
                .on(PaymentApproved.class, orders::apply)
                .on(PaymentDeclined.class, orders::apply)
                .on(PaymentRefunded.class, orders::apply)
                .on(StoreReceived.class, orders::apply)
                .on(StoreAccepted.class, orders::apply)
                .on(StoreRejected.class, orders::apply)
                .on(StoreCancelled.class, orders::apply)
                .on(DeliveryStarted.class, orders::apply)
                .on(DeliveryCompleted.class, orders::apply)
                .on(DeliveryCancelled.class, orders::apply)
                .build();
    }

    @Incoming("events-in")
    public Uni<Void> consume(KafkaRecordBatch<String, String> batch) {
        return inbox.process(batch, handlers);
    }
}
