package dev.fashionshop.order.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import dev.fashionshop.support.messaging.EventInbox;
import dev.fashionshop.support.messaging.IncomingEvent;
import io.smallrye.mutiny.Uni;

/** Consumes the items topic. */
@ApplicationScoped
public class CatalogueEventsConsumer {

    private static final Logger LOG = Logger.getLogger(CatalogueEventsConsumer.class);

    @Inject
    EventInbox inbox;

    @Incoming("items-in")
    public Uni<Void> consume(Message<String> message) {
        return inbox.process(message, this::handle);
    }

    private Uni<Void> handle(IncomingEvent event) {
        LOG.infof("Received %s with key %s", event.type(), event.key());
        return Uni.createFrom().voidItem();
    }
}
