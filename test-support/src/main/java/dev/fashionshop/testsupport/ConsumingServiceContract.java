package dev.fashionshop.testsupport;

import dev.fashionshop.support.messaging.ShopTopics;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.anEmptyMap;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * What every service guarantees, checked against the real broker and database: its readiness covers its
 * database and not Kafka (its REST API needs the database alone) and its liveness the consumer, an event is
 * recorded in the inbox once however often it is delivered, one it does not act on is not recorded at all,
 * and an unreadable message goes to the topic's dead-letter topic while the consumer carries on.
 * <p>
 * A service's test extends it, is annotated with {@code @QuarkusTest}, and names a topic it consumes.
 */
public abstract class ConsumingServiceContract extends ServiceTest {

    /** The channel every service reads its topics with (service-support's shared configuration). */
    private static final String CONSUMER_CHANNEL = "events-in";

    /** A topic the service consumes. */
    protected abstract String consumedTopic();

    /** An event the service accepts on that topic, as {type, JSON data} for the given key. */
    protected abstract String[] acceptedEvent(String key);

    @Test
    void readinessChecksTheDatabaseButNotKafka() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", is("UP"))
                .body("checks.name", hasItem("Reactive PostgreSQL connections health check"))
                .body("checks.name", not(hasItem("Kafka connection health check")))
                // no channel, in or out, reports its readiness
                .body("checks.find { it.name == 'SmallRye Reactive Messaging - readiness check' }.data", anyOf(nullValue(), anEmptyMap()));
    }

    @Test
    void livenessFollowsTheConsumer() {
        given().when().get("/q/health/live")
                .then().statusCode(200)
                .body("status", is("UP"))
                .body("checks.find { it.name == 'SmallRye Reactive Messaging - liveness check' }.data", hasKey(CONSUMER_CHANNEL));
    }

    @Test
    void aRedeliveredEventIsProcessedOnce() {
        String key = UUID.randomUUID().toString();
        String[] event = acceptedEvent(key);
        String id = kafka.sendEvent(consumedTopic(), key, event[0], event[1]);
        kafka.sendEvent(consumedTopic(), key, id, event[0], event[1]);
        // same key, same partition: once the marker is processed, the redelivery before it was too
        String marker = kafka.sendEvent(consumedTopic(), key, event[0], event[1]);

        awaitProcessed(marker);
        assertThat(processedCount(id)).isEqualTo(1);
    }

    @Test
    void anUnreadableMessageGoesToTheDeadLetterTopicAndTheConsumerCarriesOn() {
        String key = UUID.randomUUID().toString();
        kafka.sendRaw(consumedTopic(), key, "this is not a CloudEvent");
        String[] event = acceptedEvent(key);
        String next = kafka.sendEvent(consumedTopic(), key, event[0], event[1]);

        ConsumerRecord<String, String> dead = kafka.awaitRecord(ShopTopics.deadLetterTopicOf(consumedTopic()),
                record -> key.equals(record.key()));
        assertThat(dead.value()).isEqualTo("this is not a CloudEvent");
        assertThat(KafkaTestClient.header(dead, "dead-letter-reason")).contains("not a CloudEvent");
        awaitProcessed(next);
    }

    @Test
    void anEventTheServiceDoesNotActOnIsAcknowledgedWithoutATransaction() {
        String key = UUID.randomUUID().toString();
        String ignored = kafka.sendEvent(consumedTopic(), key, "NoServiceActsOnThis", "{}");
        String[] event = acceptedEvent(key);
        // same key, same partition: once the next event is processed, the one before it was passed over
        String next = kafka.sendEvent(consumedTopic(), key, event[0], event[1]);

        awaitProcessed(next);
        assertThat(processedCount(ignored)).isZero();
    }

    /**
     * Events read in one poll are processed in one transaction: one of them that a handler finds
     * unreadable must go to the dead-letter topic alone, and the others be processed.
     */
    @Test
    void aPoisonEventAmidOthersOfOneBatchIsDeadLetteredAlone() {
        String before = UUID.randomUUID().toString();
        String after = UUID.randomUUID().toString();
        String poisonKey = "not-an-order-" + UUID.randomUUID();
        List<String> ids = kafka.sendTogether(consumedTopic(), List.of(
                new KafkaTestClient.Event(before, acceptedEvent(before)[0], acceptedEvent(before)[1]),
                // an event the service acts on, with neither an id for a key nor JSON for data
                new KafkaTestClient.Event(poisonKey, acceptedEvent(before)[0], "not JSON"),
                new KafkaTestClient.Event(after, acceptedEvent(after)[0], acceptedEvent(after)[1])));

        ConsumerRecord<String, String> dead = kafka.awaitRecord(ShopTopics.deadLetterTopicOf(consumedTopic()),
                record -> poisonKey.equals(record.key()));
        assertThat(KafkaTestClient.header(dead, "ce_id")).isEqualTo(ids.get(1));
        awaitProcessed(ids.get(0));
        awaitProcessed(ids.get(2));
        assertThat(processedCount(ids.get(1))).isZero();
    }

    /** Passed-over events complete at once, with no I/O: a long run of them must not pile up on the stack. */
    @Test
    void aLongRunOfEventsTheServiceDoesNotActOnIsPassedOver() {
        String key = UUID.randomUUID().toString();
        for (int i = 0; i < 2_000; i++) {
            kafka.sendEvent(consumedTopic(), key, "NoServiceActsOnThis", "{}");
        }
        String[] event = acceptedEvent(key);
        String next = kafka.sendEvent(consumedTopic(), key, event[0], event[1]);

        Awaitility.await().atMost(Duration.ofMinutes(1)).until(() -> processedCount(next) == 1);
    }

    protected void awaitProcessed(String eventId) {
        Awaitility.await().until(() -> processedCount(eventId) == 1);
    }

    protected long processedCount(String eventId) {
        return database.queryForLong("select count(*) from processed_event where event_id = ?", eventId);
    }
}
