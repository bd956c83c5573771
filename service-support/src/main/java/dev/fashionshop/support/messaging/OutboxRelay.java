package dev.fashionshop.support.messaging;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Publishes the outbox to Kafka, in the order the events were written, and marks what Kafka
 * acknowledged as published. It wakes up on every commit that added an event (PostgreSQL
 * LISTEN/NOTIFY), and every few seconds in case a notification was missed (the listening connection
 * was down, or the service restarted after a commit and before publishing).
 * <p>
 * One relay at a time drains a service's outbox (a transaction-scoped advisory lock), so that several
 * replicas keep the order of events. A crash after the send and before the commit publishes the batch
 * again: consumers de-duplicate on the CloudEvent id, which is the outbox row's id.
 */
@ApplicationScoped
@IfBuildProperty(name = "shop.outbox.enabled", stringValue = "true")
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final int BATCH_SIZE = 100;
    /** An arbitrary key for the advisory lock that one relay at a time holds; each service has its own database. */
    public static final long RELAY_LOCK = 0x0_07B0_C5L;
    /**
     * The waiting events, oldest first, if this relay gets the lock (held to the transaction's end); none
     * if another holds it. One statement: the volatile lock function keeps the CTE from being inlined, so
     * it runs once.
     */
    private static final String WAITING_UNLESS_ANOTHER_RELAY_DRAINS = """
            with relay as (select pg_try_advisory_xact_lock($1) as locked)
            select id, topic, record_key, type, payload, created_at from outbox_event, relay
            where relay.locked and published_at is null order by seq limit $2""";

    @Inject
    Pool pool;

    @Inject
    Vertx vertx;

    @Inject
    @Channel("outbox-out")
    MutinyEmitter<String> emitter;

    @ConfigProperty(name = "quarkus.application.name")
    String source;

    @ConfigProperty(name = "shop.outbox.poll-interval", defaultValue = "5s")
    Duration pollInterval;

    @Inject
    PostgresNotifications notifications;

    private final AtomicBoolean draining = new AtomicBoolean();
    private volatile boolean drainAgain;
    private long pollTimer;

    void start(@Observes StartupEvent started) {
        notifications.listen(Outbox.CHANNEL, notification -> drain(), this::drain);
        pollTimer = vertx.setPeriodic(pollInterval.toMillis(), tick -> drain());
    }

    void stop(@Observes ShutdownEvent stopping) {
        vertx.cancelTimer(pollTimer);
    }

    /** Publishes what is waiting; a call while a drain runs makes that drain go round once more. */
    public void drain() {
        if (!draining.compareAndSet(false, true)) {
            drainAgain = true;
            return;
        }
        drainAgain = false;
        publishBatch().subscribe().with(
                published -> {
                    draining.set(false);
                    if (published == BATCH_SIZE || drainAgain) {
                        drain();
                    }
                },
                failure -> {
                    draining.set(false);
                    LOG.warnf("Publishing the outbox failed, will retry: %s", failure.toString());
                });
    }

    private Uni<Integer> publishBatch() {
        return pool.withTransaction(connection -> connection
                .preparedQuery(WAITING_UNLESS_ANOTHER_RELAY_DRAINS)
                .execute(Tuple.of(RELAY_LOCK, BATCH_SIZE))
                .chain(rows -> sendInOrder(rows)
                        .chain(ids -> ids.isEmpty()
                                ? Uni.createFrom().item(0)
                                : connection.preparedQuery("update outbox_event set published_at = now() where id = any($1)")
                                        .execute(Tuple.of(ids.toArray(UUID[]::new)))
                                        .replaceWith(ids.size()))));
    }

    /**
     * Hands the whole batch to the producer at once, in order, and waits for every acknowledgement:
     * the producer batches the records and keeps their order per partition (idempotent producer), and
     * the transaction stays open for one round trip to the broker rather than one per event.
     */
    private Uni<List<UUID>> sendInOrder(RowSet<Row> rows) {
        List<Uni<UUID>> sends = new ArrayList<>();
        rows.forEach(row -> sends.add(emitter.sendMessage(toMessage(row)).replaceWith(row.getUUID("id"))));
        return sends.isEmpty()
                ? Uni.createFrom().item(List.of())
                : Uni.join().all(sends).andFailFast();
    }

    private Message<String> toMessage(Row row) {
        return Message.of(row.getString("payload"))
                .addMetadata(OutgoingKafkaRecordMetadata.<String> builder()
                        .withTopic(row.getString("topic"))
                        .withKey(row.getString("record_key"))
                        .build())
                .addMetadata(OutgoingCloudEventMetadata.builder()
                        .withId(row.getUUID("id").toString())
                        .withType(row.getString("type"))
                        .withSource(URI.create(source))
                        .withTimestamp(row.getOffsetDateTime("created_at").toZonedDateTime())
                        .withDataContentType("application/json")
                        .build());
    }
}
