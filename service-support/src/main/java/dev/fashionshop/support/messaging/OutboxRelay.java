package dev.fashionshop.support.messaging;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import dev.fashionshop.support.config.OutboxConfig;
import dev.fashionshop.support.tracing.TraceParent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
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
 * One replica of a service relays its outbox ({@link RelayLeadership}), so that a commit wakes one relay
 * and not one per replica. A drain is one read: what Kafka acknowledged is marked published a little later,
 * for all the drains of that while in one update, and meanwhile left out of the next reads. Before, every
 * drain was a transaction of its own (four round trips and a flushed commit), nearly one per order on each of
 * the relays an order wakes (docs/performance.md, ninth round).
 * <p>
 * An event is sent again when the relay stops between Kafka's acknowledgement and the mark, or when the lead
 * passes from one replica to another: consumers de-duplicate on the CloudEvent id, the outbox row's id. An
 * event is left out of a read only once acknowledged, and a batch goes to one producer in the outbox's
 * order, which keeps it per partition: so the first copy of each event comes after those written before it.
 * <p>
 * Operators see what it published ({@value #PUBLISHED}, by event and topic) and how far behind it is
 * ({@link OutboxBacklog}, measured at each poll, on every replica).
 */
@ApplicationScoped
@IfBuildProperty(name = "shop.outbox.enabled", stringValue = "true")
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final int BATCH_SIZE = 100;
    /** How long acknowledged events wait to be marked published: the marks of that while share one update. */
    private static final Duration MARK_DELAY = Duration.ofMillis(100);
    private static final Duration MARK_RETRY_DELAY = Duration.ofSeconds(1);
    /** Beyond so many events acknowledged and not yet marked (the marks keep failing), drains wait for the marks. */
    private static final int MAX_UNMARKED = 10 * BATCH_SIZE;
    /** A drain that has not ended by then (a connection or a send that hangs) is failed, and tried again. */
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(60);
    /** After so many failed drains in a row, this replica lets another relay, and may claim the lead again. */
    private static final int FAILED_DRAINS_BEFORE_GIVING_UP = 3;
    /** An arbitrary key for the advisory lock the relaying replica holds; each service has its own database. */
    public static final long RELAY_LOCK = 0x07B0C5L;
    static final String PUBLISHED = "shop.outbox.published";
    /** The waiting events, oldest first, but those published already and not yet marked so. */
    private static final String WAITING = """
            select id, topic, record_key, type, payload, created_at, trace_parent from outbox_event
            where published_at is null and id <> all($1) order by seq limit $2""";
    private static final String MARK_PUBLISHED = """
            update outbox_event set published_at = now() where id = any($1) and published_at is null""";

    private final Pool pool;
    private final Vertx vertx;
    private final MutinyEmitter<String> emitter;
    private final PostgresNotifications notifications;
    private final RelayLeadership leadership;
    private final URI source;
    private final Duration pollInterval;
    private final MeterRegistry metrics;
    private final OutboxBacklog backlog;
    /** {@value #PUBLISHED} by event type (each type has one topic). */
    private final Map<String, Counter> publishedByType = new ConcurrentHashMap<>();

    /** A drain runs; {@link #drainAgain} asks it to go round once more when it ends. */
    private final AtomicBoolean draining = new AtomicBoolean();
    /** Completes when the latest drain ended: what stopping waits for. */
    private volatile CompletableFuture<Void> drainEnded = CompletableFuture.completedFuture(null);
    private volatile boolean drainAgain;
    private volatile boolean drainPutOff;
    private volatile boolean stopping;
    private volatile int failedDrainsInARow;
    /** Acknowledged by Kafka and not yet marked published in the table. */
    private final Set<UUID> unmarked = ConcurrentHashMap.newKeySet();
    /** A mark is scheduled or under way; acknowledgements meanwhile are marked by the next one. */
    private final AtomicBoolean marking = new AtomicBoolean();
    private long pollTimer;

    OutboxRelay(Pool pool, Vertx vertx, @Channel("outbox-out") MutinyEmitter<String> emitter,
            PostgresNotifications notifications, DedicatedConnections connections,
            @ConfigProperty(name = "quarkus.application.name") String source,
            OutboxConfig config, MeterRegistry metrics) {
        this.pool = pool;
        this.vertx = vertx;
        this.emitter = emitter;
        this.notifications = notifications;
        this.leadership = new RelayLeadership(vertx, connections.options(), RELAY_LOCK);
        this.source = URI.create(source);
        this.pollInterval = config.pollInterval();
        this.metrics = metrics;
        this.backlog = new OutboxBacklog(pool, metrics);
    }

    void start(@Observes StartupEvent started) {
        notifications.listen(Outbox.CHANNEL, notification -> drain(), this::drain);
        pollTimer = vertx.setPeriodic(pollInterval.toMillis(), tick -> claimAndDrain());
        claimAndDrain();
    }

    /** Stops draining, marks what was acknowledged, and hands the lead on (on the thread that stops Quarkus). */
    void stop(@Observes ShutdownEvent stopping) {
        this.stopping = true;
        vertx.cancelTimer(pollTimer);
        try {
            drainEnded.get(2, TimeUnit.SECONDS);
            markPublished().await().atMost(Duration.ofSeconds(2));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException | RuntimeException failure) {
            LOG.infof("Stopping with events published and not marked so; they will be published again: %s", failure.toString());
        }
        leadership.release();
    }

    /** Whether this replica relays the outbox now. */
    public boolean leads() {
        return leadership.held();
    }

    /** Publishes what is waiting, if this replica relays; a call while a drain runs makes that drain go round once more. */
    public void drain() {
        if (stopping || !leadership.held()) {
            return;
        }
        if (unmarked.size() >= MAX_UNMARKED) {
            drainPutOff = true;
            scheduleMarking(MARK_DELAY);
            return;
        }
        // asked for before trying: a drain that ends after this call failed to start it sees the request
        drainAgain = true;
        if (!draining.compareAndSet(false, true)) {
            return;
        }
        drainAgain = false;
        CompletableFuture<Void> ended = new CompletableFuture<>();
        drainEnded = ended;
        publishBatch().subscribe().with(
                published -> {
                    failedDrainsInARow = 0;
                    draining.set(false);
                    ended.complete(null);
                    if (published == BATCH_SIZE || drainAgain) {
                        drain();
                    }
                },
                failure -> {
                    draining.set(false);
                    ended.complete(null);
                    LOG.warnf("Publishing the outbox failed, will retry: %s", failure.toString());
                    if (++failedDrainsInARow >= FAILED_DRAINS_BEFORE_GIVING_UP) {
                        failedDrainsInARow = 0;
                        LOG.warn("The outbox relay keeps failing here; letting another replica relay");
                        leadership.giveUp();
                    }
                });
    }

    private void claimAndDrain() {
        // drain() asks the leadership itself; the claim only has to have ended
        leadership.claim().subscribe().with(leads -> drain());
        backlog.measure().subscribe().with(measured -> {
        }, failure -> LOG.debugf("Measuring the outbox backlog failed: %s", failure.toString()));
    }

    private Uni<Integer> publishBatch() {
        return pool.preparedQuery(WAITING)
                .execute(Tuple.of(unmarked.toArray(UUID[]::new), BATCH_SIZE))
                .chain(this::sendInOrder)
                .invoke(this::acknowledged)
                .map(List::size)
                .ifNoItem().after(DRAIN_TIMEOUT).fail();
    }

    /**
     * Hands the whole batch to the producer at once, in order, and waits for every acknowledgement:
     * the producer batches the records and keeps their order per partition (idempotent producer).
     */
    private Uni<List<UUID>> sendInOrder(RowSet<Row> rows) {
        List<Uni<UUID>> sends = new ArrayList<>();
        rows.forEach(row -> sends.add(emitter.sendMessage(toMessage(row))
                .invoke(() -> published(row.getString("type"), row.getString("topic")))
                .replaceWith(row.getUUID("id"))));
        return sends.isEmpty()
                ? Uni.createFrom().item(List.of())
                : Uni.join().all(sends).andFailFast();
    }

    private void published(String type, String topic) {
        publishedByType.computeIfAbsent(type, t -> Counter.builder(PUBLISHED)
                .description("Events the outbox relay published, acknowledged by Kafka")
                .tag("event", t).tag("topic", topic).register(metrics)).increment();
    }

    private void acknowledged(List<UUID> ids) {
        if (!ids.isEmpty()) {
            unmarked.addAll(ids);
            scheduleMarking(MARK_DELAY);
        }
    }

    private void scheduleMarking(Duration after) {
        if (!stopping && marking.compareAndSet(false, true)) {
            vertx.setTimer(after.toMillis(), tick -> markPublished().subscribe().with(
                    marked -> {
                        marking.set(false);
                        if (!unmarked.isEmpty()) {
                            scheduleMarking(MARK_DELAY);
                        }
                        if (drainPutOff) {
                            drainPutOff = false;
                            drain();
                        }
                    },
                    failure -> {
                        marking.set(false);
                        LOG.warnf("Marking published events failed, will retry: %s", failure.toString());
                        scheduleMarking(MARK_RETRY_DELAY);
                    }));
        }
    }

    /** Marks what Kafka acknowledged so far as published, in one update. */
    private Uni<Void> markPublished() {
        UUID[] marking = unmarked.toArray(UUID[]::new);
        if (marking.length == 0) {
            return Uni.createFrom().voidItem();
        }
        return pool.preparedQuery(MARK_PUBLISHED).execute(Tuple.of(marking))
                .invoke(() -> List.of(marking).forEach(unmarked::remove))
                .replaceWithVoid();
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
                        .withSource(source)
                        .withTimestamp(row.getOffsetDateTime("created_at").toZonedDateTime())
                        .withDataContentType("application/json")
                        .build())
                // the connector's send span is a child of the span the event was written in, and goes in the headers
                .addMetadata(TracingMetadata.withCurrent(TraceParent.toContext(row.getString("trace_parent"))));
    }
}
