package dev.fashionshop.support.messaging;

import java.util.function.Consumer;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;

/**
 * PostgreSQL LISTEN on the service's own database, over one dedicated connection that reconnects by
 * itself. A NOTIFY sent in a transaction is delivered when (and only if) it commits, which makes it a
 * wake-up call for "something was committed".
 */
@ApplicationScoped
public class PostgresNotifications {

    private static final Logger LOG = Logger.getLogger(PostgresNotifications.class);

    private final Vertx vertx;
    private final DedicatedConnections connections;
    private PgSubscriber subscriber;

    PostgresNotifications(Vertx vertx, DedicatedConnections connections) {
        this.vertx = vertx;
        this.connections = connections;
    }

    /**
     * Calls the handler with the payload of every notification on the channel; {@code onConnected}
     * runs each time the listening connection is (re)established, when notifications may have been missed.
     */
    public synchronized void listen(String channel, Consumer<String> handler, Runnable onConnected) {
        if (subscriber == null) {
            subscriber = PgSubscriber.subscriber(vertx, connections.options()).reconnectPolicy(retries -> 1_000L);
            subscriber.connect().subscribe().with(
                    connected -> LOG.debug("Listening for PostgreSQL notifications"),
                    failure -> LOG.warnf("Not listening for PostgreSQL notifications yet: %s", failure));
        }
        subscriber.channel(channel).handler(handler).subscribeHandler(onConnected);
    }

    @PreDestroy
    synchronized void close() {
        if (subscriber != null) {
            subscriber.closeAndForget();
        }
    }
}
