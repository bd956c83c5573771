package dev.fashionshop.delivery.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import dev.fashionshop.support.messaging.EventInbox;
import dev.fashionshop.support.messaging.IncomingEvent;
import io.smallrye.mutiny.Uni;

/** Consumes the store-orders topic. */
@ApplicationScoped
public class StoreOrderEventsConsumer {

    private static final Logger LOG = Logger.getLogger(StoreOrderEventsConsumer.class);

    @Inject
    EventInbox inbox;

    @Incoming("store-orders-in")
    public Uni<Void> consume(Message<String> message) {
        return inbox.process(message, this::handle);
    }

    private Uni<Void> handle(IncomingEvent event) {
        LOG.infof("Received %s with key %s", event.type(), event.key());
        return Uni.createFrom().voidItem();
    }
}
