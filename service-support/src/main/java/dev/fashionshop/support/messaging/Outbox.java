package dev.fashionshop.support.messaging;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.fashionshop.support.tracing.TraceParent;
import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.mutiny.Uni;

/**
 * Where a service writes the events it emits. {@link #add} must be called inside the transaction
 * that changes the state the event announces: the event is stored with that change or not at all,
 * and the relay is woken up when (and only when) the transaction commits. The event keeps the trace it was
 * written in, which the relay carries on into its Kafka headers.
 */
@ApplicationScoped
@IfBuildProperty(name = "shop.outbox.enabled", stringValue = "true")
public class Outbox {

    /** The PostgreSQL notification channel the relay listens on (notified by the outbox table's trigger). */
    static final String CHANNEL = "outbox";

    private final ObjectMapper json;

    Outbox(ObjectMapper json) {
        this.json = json;
    }

    /** Stores the event, to be published on its topic with its key once the caller's transaction commits. */
    public Uni<Void> add(ShopEvent event) {
        OutboxEvent waiting = new OutboxEvent();
        waiting.id = UUID.randomUUID();
        waiting.topic = event.topic();
        waiting.key = event.key();
        waiting.type = event.type();
        waiting.payload = toJson(event);
        waiting.createdAt = Instant.now();
        waiting.traceParent = TraceParent.ofCurrentSpan().orElse(null);
        // the insert's trigger (db/outbox V0_4) sends the NOTIFY, which PostgreSQL delivers on commit only
        return waiting.persist().replaceWithVoid();
    }

    private String toJson(ShopEvent data) {
        try {
            return json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot write event data " + data, e);
        }
    }
}
