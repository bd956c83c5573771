package dev.fashionshop.support.messaging;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/**
 * An event waiting in the transactional outbox: written in the same transaction as the state change
 * it announces, published to Kafka afterwards by the {@link OutboxRelay}. Its id becomes the
 * CloudEvent id. The table comes with this library (db/outbox).
 */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String topic;

    @Column(name = "record_key", nullable = false)
    public String key;

    @Column(nullable = false)
    public String type;

    @Column(nullable = false)
    public String payload;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** The W3C traceparent of the span the event was written in; null when tracing is off. */
    @Column(name = "trace_parent")
    public String traceParent;
}
