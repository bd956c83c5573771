package dev.fashionshop.support.messaging;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.UUID;

import org.eclipse.microprofile.reactive.messaging.Message;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;

/**
 * A CloudEvent read from a Kafka topic: its id (what consumers de-duplicate on), its type (the event
 * name of docs/events.md), its source service, when it happened, the record key (the orderId, or the itemId on items)
 * and its JSON data.
 */
public record IncomingEvent(String id, String type, String source, Instant time, String topic, String key, String data) {

    /** A tolerant reader: a consumer reads the fields it needs and ignores the ones it does not know. */
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /**
     * Reads the CloudEvent attributes of a Kafka message.
     *
     * @throws PoisonEventException if the message is not a CloudEvent: it belongs in the dead-letter topic
     */
    public static IncomingEvent from(Message<String> message) {
        IncomingCloudEventMetadata<?> cloudEvent = message.getMetadata(IncomingCloudEventMetadata.class)
                .orElseThrow(() -> new PoisonEventException("not a CloudEvent (no ce_* headers)"));
        IncomingKafkaRecordMetadata<?, ?> record = message.getMetadata(IncomingKafkaRecordMetadata.class)
                .orElseThrow(() -> new PoisonEventException("not a Kafka record"));
        if (message.getPayload() == null || message.getPayload().isBlank()) {
            throw new PoisonEventException("event " + cloudEvent.getId() + " has no data");
        }
        Object key = record.getKey();
        Instant time = cloudEvent.getTimeStamp().map(ZonedDateTime::toInstant).orElse(record.getTimestamp());
        return new IncomingEvent(cloudEvent.getId(), cloudEvent.getType(), String.valueOf(cloudEvent.getSource()), time,
                record.getTopic(), key == null ? null : key.toString(), message.getPayload());
    }

    /**
     * The order the event concerns: its record key, on every topic but items.
     *
     * @throws PoisonEventException if the key is not an order id
     */
    public UUID orderId() {
        try {
            return UUID.fromString(key);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new PoisonEventException(type + " " + id + " is not keyed by an order id", e);
        }
    }

    /**
     * The data as the given type.
     *
     * @throws PoisonEventException if it does not parse
     */
    public <T> T dataAs(Class<T> type) {
        try {
            return JSON.readValue(data, type);
        } catch (JsonProcessingException e) {
            throw new PoisonEventException(this.type + " " + id + " has unreadable data: " + e.getOriginalMessage(), e);
        }
    }
}
