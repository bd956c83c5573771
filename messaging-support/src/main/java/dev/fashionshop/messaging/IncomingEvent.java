package dev.fashionshop.messaging;

import org.eclipse.microprofile.reactive.messaging.Message;

import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;

/**
 * A CloudEvent read from a Kafka topic: its id (what consumers de-duplicate on), its type (the event
 * name of docs/events.md), its source service, the record key (the orderId, or the itemId on items)
 * and its JSON data.
 */
public record IncomingEvent(String id, String type, String source, String topic, String key, String data) {

    /**
     * Reads the CloudEvent attributes of a Kafka message.
     *
     * @throws UnreadableEventException if the message is not a CloudEvent: it belongs in the dead-letter topic
     */
    public static IncomingEvent from(Message<String> message) {
        IncomingCloudEventMetadata<?> cloudEvent = message.getMetadata(IncomingCloudEventMetadata.class)
                .orElseThrow(() -> new UnreadableEventException("not a CloudEvent (no ce_* headers)"));
        IncomingKafkaRecordMetadata<?, ?> record = message.getMetadata(IncomingKafkaRecordMetadata.class)
                .orElseThrow(() -> new UnreadableEventException("not a Kafka record"));
        if (message.getPayload() == null || message.getPayload().isBlank()) {
            throw new UnreadableEventException("event " + cloudEvent.getId() + " has no data");
        }
        Object key = record.getKey();
        return new IncomingEvent(cloudEvent.getId(), cloudEvent.getType(), String.valueOf(cloudEvent.getSource()),
                record.getTopic(), key == null ? null : key.toString(), message.getPayload());
    }
}
