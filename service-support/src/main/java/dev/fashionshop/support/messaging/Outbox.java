package dev.fashionshop.support.messaging;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.mutiny.Uni;

/**
 * Where a service writes the events it emits. {@link #add} must be called inside the transaction
 * that changes the state the event announces: the event is stored with that change or not at all,
 * and the relay is woken up when (and only when) the transaction commits.
 */
@ApplicationScoped
@IfBuildProperty(name = "shop.outbox.enabled", stringValue = "true")
public class Outbox {

    /** The PostgreSQL notification channel the relay listens on (notified by the outbox table's trigger). */
    static final String CHANNEL = "outbox";

    @Inject
    ObjectMapper json;

    public Uni<OutboxEvent> add(String topic, String key, String type, Object data) {
        OutboxEvent event = new OutboxEvent();
        event.id = UUID.randomUUID();
        event.topic = topic;
        event.key = key;
        event.type = type;
        event.payload = toJson(data);
        event.createdAt = Instant.now();
        // the insert's trigger (db/outbox V0_4) sends the NOTIFY, which PostgreSQL delivers on commit only
        return event.persist();
    }

    private String toJson(Object data) {
        try {
            return json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot write event data " + data, e);
        }
    }
}
