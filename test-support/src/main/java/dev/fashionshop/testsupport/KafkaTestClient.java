package dev.fashionshop.testsupport;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Talks to the test broker the way other services do: it publishes CloudEvents in Kafka's binary mode
 * (ce_* headers, JSON value) and reads what a service published.
 */
public final class KafkaTestClient implements AutoCloseable {

    private static final Duration DEFAULT_WAIT = Duration.ofSeconds(20);

    private final String bootstrapServers;
    private final KafkaProducer<String, String> producer;
    private final KafkaProducer<String, String> lingeringProducer;

    KafkaTestClient(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new StringSerializer());
        // waits until flushed, so that what is sent together goes in one request
        this.lingeringProducer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, "60000"),
                new StringSerializer(), new StringSerializer());
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Publishes a CloudEvent with a fresh id and returns that id. */
    public String sendEvent(String topic, String key, String type, String jsonData) {
        String id = UUID.randomUUID().toString();
        sendEvent(topic, key, id, type, jsonData);
        return id;
    }

    /** Publishes a CloudEvent with the given id, e.g. to redeliver one. */
    public void sendEvent(String topic, String key, String id, String type, String jsonData) {
        send(cloudEvent(new ProducerRecord<>(topic, key, jsonData), id, type));
    }

    /** An event for {@link #sendTogether}. */
    public record Event(String key, String type, String jsonData) {
    }

    /**
     * Publishes the events to one partition in one produce request, so that a consumer reads them in one
     * poll (one batch), whatever their keys; answers their ids.
     */
    public List<String> sendTogether(String topic, List<Event> events) {
        List<String> ids = new ArrayList<>();
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        for (Event event : events) {
            String id = UUID.randomUUID().toString();
            ids.add(id);
            sent.add(lingeringProducer.send(cloudEvent(new ProducerRecord<>(topic, 0, event.key(), event.jsonData()), id,
                    event.type())));
        }
        lingeringProducer.flush();
        sent.forEach(KafkaTestClient::await);
        return ids;
    }

    private static ProducerRecord<String, String> cloudEvent(ProducerRecord<String, String> record, String id, String type) {
        record.headers()
                .add("ce_specversion", bytes("1.0"))
                .add("ce_id", bytes(id))
                .add("ce_type", bytes(type))
                .add("ce_source", bytes("test"))
                .add("ce_time", bytes(Instant.now().toString()))
                .add("content-type", bytes("application/json"));
        return record;
    }

    /** Publishes a record as it is, without CloudEvent headers: what a misbehaving producer would send. */
    public void sendRaw(String topic, String key, String value) {
        send(new ProducerRecord<>(topic, key, value));
    }

    /** Waits until a record on the topic matches, reading the topic from its beginning. */
    public ConsumerRecord<String, String> awaitRecord(String topic, Predicate<ConsumerRecord<String, String>> matching) {
        return awaitRecord(topic, matching, DEFAULT_WAIT);
    }

    public ConsumerRecord<String, String> awaitRecord(String topic, Predicate<ConsumerRecord<String, String>> matching,
            Duration timeout) {
        try (KafkaConsumer<String, String> consumer = newConsumer()) {
            consumer.subscribe(List.of(topic));
            Instant deadline = Instant.now().plus(timeout);
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (matching.test(record)) {
                        return record;
                    }
                }
            }
        }
        throw new AssertionError("No matching record on topic " + topic + " within " + timeout);
    }

    /** The value of a record header as text, or null. */
    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), UTF_8);
    }

    private KafkaConsumer<String, String> newConsumer() {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"),
                new StringDeserializer(), new StringDeserializer());
    }

    private void send(ProducerRecord<String, String> record) {
        await(producer.send(record));
    }

    private static void await(Future<RecordMetadata> sending) {
        try {
            sending.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not send a record", e.getCause());
        }
    }

    private static byte[] bytes(String value) {
        return value.getBytes(UTF_8);
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
        lingeringProducer.close(Duration.ofSeconds(5));
    }
}
