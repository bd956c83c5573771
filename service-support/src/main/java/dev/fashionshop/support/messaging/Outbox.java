package dev.fashionshop.support.messaging;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Where a service writes the events it emits. {@link #add} must be called inside the transaction
 * that changes the state the event announces: the event is stored with that change or not at all,
 * and the relay is woken up when (and only when) the transaction commits.
 */
@ApplicationScoped
@IfBuildProperty(name = "shop.outbox.enabled", stringValue = "true")
public class Outbox {

    /** The PostgreSQL notification channel the relay listens on. */
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
        // NOTIFY is transactional: PostgreSQL delivers it on commit, and drops it on rollback
        return event.<OutboxEvent> persist()
                .call(() -> Panache.getSession().chain(session -> session
                        .createNativeQuery("select pg_notify('" + CHANNEL + "', '')").getSingleResult()));
    }

    private String toJson(Object data) {
        try {
            return json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot write event data " + data, e);
        }
    }
}
