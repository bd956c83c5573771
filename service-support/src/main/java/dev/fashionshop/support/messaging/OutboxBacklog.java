package dev.fashionshop.support.messaging;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;

/**
 * How far the relay is behind, for operators: the events of the outbox not yet published
 * ({@value #BACKLOG}) and how long the oldest of them has waited ({@value #OLDEST_AGE}). Every replica
 * measures the service's one outbox at each poll, the relaying one and the others: when the relaying
 * replica is stuck or gone, the others still show what waits.
 */
final class OutboxBacklog {

    static final String BACKLOG = "shop.outbox.backlog";
    static final String OLDEST_AGE = "shop.outbox.oldest.age";
    /** Served by the partial index of the waiting events; an event Kafka acknowledged is marked within 100 ms. */
    private static final String WAITING = "select count(*), min(created_at) from outbox_event where published_at is null";

    private final Pool pool;
    private final AtomicLong waiting = new AtomicLong();
    /** When the oldest waiting event was written; null when none waits. */
    private volatile Instant oldest;

    OutboxBacklog(Pool pool, MeterRegistry registry) {
        this.pool = pool;
        Gauge.builder(BACKLOG, waiting, AtomicLong::get)
                .description("Events in the outbox not yet published to Kafka").register(registry);
        TimeGauge.builder(OLDEST_AGE, this, TimeUnit.MILLISECONDS, OutboxBacklog::oldestAgeMillis)
                .description("How long the oldest event not yet published has waited").register(registry);
    }

    Uni<Void> measure() {
        return pool.query(WAITING).execute().invoke(rows -> {
            Row row = rows.iterator().next();
            OffsetDateTime oldestWritten = row.getOffsetDateTime(1);
            waiting.set(row.getLong(0));
            oldest = oldestWritten == null ? null : oldestWritten.toInstant();
        }).replaceWithVoid();
    }

    private double oldestAgeMillis() {
        Instant written = oldest;
        return written == null ? 0 : Math.max(0, Duration.between(written, Instant.now()).toMillis());
    }
}
