package dev.fashionshop.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import dev.fashionshop.support.messaging.Outbox;
import dev.fashionshop.support.messaging.OutboxRelay;
import dev.fashionshop.support.messaging.ShopEvent;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;

/**
 * What every publishing service guarantees through its transactional outbox, against the real database
 * and broker: an event committed with its transaction is published, as a CloudEvent keyed as asked; an
 * event whose transaction rolled back is never published; an event committed without waking the relay
 * (as when the service crashed right after the commit) is published later all the same; while another
 * replica relays the outbox, this one publishes nothing (and shows what waits in its backlog metrics), and
 * takes the relay over when that one goes.
 * <p>
 * A service's test extends it and is annotated with {@code @QuarkusTest}.
 */
public abstract class OutboxContract extends ServiceTest {

    @Inject
    Outbox outbox;

    @Inject
    OutboxRelay relay;

    @Inject
    MeterRegistry meters;

    /** A topic the service publishes to. */
    protected abstract String publishedTopic();

    @Test
    void anEventCommittedWithItsTransactionIsPublished() throws Throwable {
        String key = UUID.randomUUID().toString();
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(
                () -> outbox.add(new ContractChecked(publishedTopic(), key))));

        ConsumerRecord<String, String> published = kafka.awaitRecord(publishedTopic(), r -> key.equals(r.key()));
        assertThat(KafkaTestClient.header(published, "ce_type")).isEqualTo("ContractChecked");
        assertThat(KafkaTestClient.header(published, "ce_id")).isNotBlank();
        assertThat(published.value()).contains(key);
        awaitMarkedPublished(key);
    }

    @Test
    void anEventWhoseTransactionRolledBackIsNeverPublished() throws Throwable {
        String rolledBack = UUID.randomUUID().toString();
        assertThatThrownBy(() -> VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(
                () -> outbox.add(new ContractChecked(publishedTopic(), rolledBack))
                        .chain(() -> Uni.createFrom().failure(new IllegalStateException("the change failed"))))))
                .hasMessageContaining("the change failed");
        // an event committed after it, on the same partition key, is published: the rolled-back one would be before it
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(
                () -> outbox.add(new AfterRollback(publishedTopic(), rolledBack))));

        ConsumerRecord<String, String> first = kafka.awaitRecord(publishedTopic(), r -> rolledBack.equals(r.key()));
        assertThat(KafkaTestClient.header(first, "ce_type")).isEqualTo("AfterRollback");
        assertThat(database.queryForLong("select count(*) from outbox_event where record_key = ?", rolledBack))
                .isEqualTo(1);
    }

    @Test
    void anEventCommittedWithoutNotifyingTheRelayIsPublishedLater() {
        String key = UUID.randomUUID().toString();
        database.update("""
                insert into outbox_event (id, topic, record_key, type, payload, created_at)
                values (?, ?, ?, 'CommittedBeforeACrash', '{}', now())""", UUID.randomUUID(), publishedTopic(), key);

        kafka.awaitRecord(publishedTopic(), r -> key.equals(r.key()), Duration.ofSeconds(30));
        awaitMarkedPublished(key);
    }

    @Test
    void whileAnotherReplicaRelaysThisOnePublishesNothingAndWhenThatOneGoesThisOneTakesOver() {
        String key = UUID.randomUUID().toString();
        String waiting = "select count(*) from outbox_event where record_key = ? and published_at is null";
        database.whileHoldingAdvisoryLockTakenFromItsHolder(OutboxRelay.RELAY_LOCK, () -> {
            // the service learns that its lock connection ended when Vert.x runs the connection's close handler
            Awaitility.await().until(() -> !relay.leads());
            commit(new WhileAnotherReplicaRelays(publishedTopic(), key));
            // the commit woke this relay up; it lost the lead with its lock connection, so it leaves the event
            Awaitility.await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                    .until(() -> database.queryForLong(waiting, key) == 1);
            // every replica shows what waits in the service's outbox, this one too
            Awaitility.await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
                assertThat(meters.get("shop.outbox.backlog").gauge().value()).isGreaterThanOrEqualTo(1);
                assertThat(meters.get("shop.outbox.oldest.age").timeGauge().value(TimeUnit.MILLISECONDS)).isPositive();
            });
        });

        // the other replica went away: this one claims the lead again and publishes what waited
        kafka.awaitRecord(publishedTopic(), r -> key.equals(r.key()), Duration.ofSeconds(30));
        awaitMarkedPublished(key);
        Awaitility.await().atMost(Duration.ofSeconds(15))
                .until(() -> meters.get("shop.outbox.backlog").gauge().value() == 0);
    }

    /** The contract's own events, to the service's topic: their data is their topic and key. */
    record ContractChecked(String topic, String key) implements ShopEvent {
    }

    record AfterRollback(String topic, String key) implements ShopEvent {
    }

    record WhileAnotherReplicaRelays(String topic, String key) implements ShopEvent {
    }

    private void commit(ShopEvent event) {
        try {
            VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> outbox.add(event)));
        } catch (Throwable failure) {
            throw new IllegalStateException(failure);
        }
    }

    private void awaitMarkedPublished(String key) {
        Awaitility.await().until(() -> database.queryForLong(
                "select count(*) from outbox_event where record_key = ? and published_at is not null", key) == 1);
    }
}
