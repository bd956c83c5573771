package dev.fashionshop.support.messaging;

import java.util.function.Consumer;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.pgclient.PgConnectOptions;

/**
 * PostgreSQL LISTEN on the service's own database, over one dedicated connection that reconnects by
 * itself. A NOTIFY sent in a transaction is delivered when (and only if) it commits, which makes it a
 * wake-up call for "something was committed".
 */
@ApplicationScoped
public class PostgresNotifications {

    private static final Logger LOG = Logger.getLogger(PostgresNotifications.class);

    @Inject
    Vertx vertx;

    @ConfigProperty(name = "quarkus.datasource.reactive.url")
    String databaseUrl;

    @ConfigProperty(name = "quarkus.datasource.username")
    String databaseUser;

    @ConfigProperty(name = "quarkus.datasource.password")
    String databasePassword;

    private PgSubscriber subscriber;

    /**
     * Calls the handler with the payload of every notification on the channel; {@code onConnected}
     * runs each time the listening connection is (re)established, when notifications may have been missed.
     */
    public synchronized void listen(String channel, Consumer<String> handler, Runnable onConnected) {
        if (subscriber == null) {
            PgConnectOptions options = PgConnectOptions.fromUri(databaseUrl)
                    .setUser(databaseUser)
                    .setPassword(databasePassword);
            subscriber = PgSubscriber.subscriber(vertx, options).reconnectPolicy(retries -> 1_000L);
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
