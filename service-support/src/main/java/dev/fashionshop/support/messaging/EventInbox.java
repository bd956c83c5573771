package dev.fashionshop.support.messaging;

import static dev.fashionshop.support.reactive.InSequence.inSequence;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;

import dev.fashionshop.support.tracing.EventSpans;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Processes each event at most once in effect. The event ids are recorded in the same database
 * transaction as the handler's changes, so a redelivered event (Kafka delivers at least once) finds
 * its id already there and changes nothing, and a failed handler records nothing.
 * <p>
 * Events come in batches, one poll of the broker each, and a batch is processed in one transaction with
 * one insert into the inbox: per event, a transaction and its commit had been most of a consumer's cost.
 * Events a service does not act on are passed over with no transaction and no inbox row.
 * <p>
 * The batch is acknowledged only after its transaction committed. A poison event (see
 * {@link PoisonEventException}) is nacked, and the channel's failure strategy sends it to the
 * dead-letter topic; if a handler finds an event poison inside the batch's transaction, the batch is
 * rolled back and its events processed one transaction each, so that only the poison one is dead-lettered.
 * Any other failure (the database is away, a conflict) is retried with a back-off, holding back the
 * events after it on the partition so that their order is kept.
 * <p>
 * Counted for operators: the events dead-lettered ({@value #DEAD_LETTERED}) and the redeliveries skipped
 * ({@value #DUPLICATES}), by topic.
 * Traced: each event's handling is a span in the trace the event came with ({@link EventSpans}).
 */
@ApplicationScoped
@Startup // its counters exist, at 0, before its first use
public class EventInbox {

    private static final Logger LOG = Logger.getLogger(EventInbox.class);
    private static final Duration FIRST_RETRY = Duration.ofMillis(200);
    private static final Duration MAX_RETRY = Duration.ofSeconds(10);
    static final String DEAD_LETTERED = "shop.events.dead.lettered";
    static final String DUPLICATES = "shop.events.duplicates";

    private final MeterRegistry metrics;
    private final EventSpans spans;

    /**
     * @param topics the topics the service's consumer reads: their counters start at 0, so that an alert on
     *        their increase sees the first event counted
     */
    EventInbox(MeterRegistry metrics, EventSpans spans,
            @ConfigProperty(name = "mp.messaging.incoming.events-in.topics") Optional<List<String>> topics) {
        this.metrics = metrics;
        this.spans = spans;
        topics.orElse(List.of()).forEach(topic -> {
            deadLettered(topic);
            duplicates(topic);
        });
    }

    private Counter deadLettered(String topic) {
        return Counter.builder(DEAD_LETTERED).description("Events sent to a dead-letter topic, by the topic they came from")
                .tag("topic", topic).register(metrics);
    }

    private Counter duplicates(String topic) {
        return Counter.builder(DUPLICATES).description("Events delivered again and skipped, by topic")
                .tag("topic", topic).register(metrics);
    }

    /** Processes a batch of events, each by the handler of its type, and passes over the types none handles. */
    public Uni<Void> process(KafkaRecordBatch<String, String> batch, EventHandlers handlers) {
        return process(batch, handlers::handles, handlers::handle);
    }

    private Uni<Void> process(KafkaRecordBatch<String, String> batch, Predicate<String> handles,
            Function<IncomingEvent, Uni<Void>> handler) {
        List<Received> handled = new ArrayList<>();
        List<Poisoned> unreadable = new ArrayList<>();
        for (KafkaRecord<String, String> record : batch.getRecords()) {
            try {
                IncomingEvent event = IncomingEvent.from(record);
                if (handles.test(event.type())) {
                    handled.add(new Received(event, record));
                } else {
                    LOG.debugf("Not acting on %s %s", event.type(), event.id());
                }
            } catch (PoisonEventException poison) {
                unreadable.add(new Poisoned(record, poison));
            }
        }
        Uni<Void> processed = handled.isEmpty() ? Uni.createFrom().voidItem()
                : processInOneTransaction(handled, handler, Vertx.currentContext());
        return processed
                .call(() -> inSequence(unreadable, poisoned -> deadLetter(poisoned.record(), poisoned.failure())))
                .chain(() -> Uni.createFrom().completionStage(batch.ack()));
    }

    private record Poisoned(KafkaRecord<String, String> record, PoisonEventException failure) {
    }

    private record Received(IncomingEvent event, KafkaRecord<String, String> record) {
    }

    /**
     * All handled events of the batch and their ids in one transaction. When one proves poison, or one was
     * processed before (a redelivery, rare), the batch is rolled back and its events processed one
     * transaction each.
     */
    private Uni<Void> processInOneTransaction(List<Received> received, Function<IncomingEvent, Uni<Void>> handler,
            Context context) {
        List<Received> firsts = firstOccurrences(received);
        List<IncomingEvent> events = firsts.stream().map(Received::event).toList();
        return retried(Uni.createFrom().deferred(() -> Panache.withTransaction(() -> recordFirstDeliveries(events)
                .chain(inserted -> {
                    if (inserted == events.size()) {
                        return inSequence(firsts, one -> spans.handling(one.record(), one.event().type(),
                                () -> handler.apply(one.event())));
                    }
                    if (events.size() == 1) {
                        return skipDuplicate(events.get(0));
                    }
                    return Uni.createFrom().failure(new RedeliveryInBatch());
                }))), events.size() + " events from " + events.get(0).id(), context)
                .onFailure(EventInbox::needsEventsOneByOne)
                .recoverWithUni(failure -> received.size() == 1
                        ? deadLetter(received.get(0).record(), failure)
                        : inSequence(received, one -> processInOneTransaction(List.of(one), handler, context)));
    }

    /** Not to be retried as it is: a poison event, or a batch to be split. */
    private static boolean needsEventsOneByOne(Throwable failure) {
        return failure instanceof PoisonEventException || failure instanceof RedeliveryInBatch;
    }

    /** Rolls a batch back that holds an event processed before, to process its events one at a time. */
    private static final class RedeliveryInBatch extends RuntimeException {
        RedeliveryInBatch() {
            super("a batch holds an event processed before", null, false, false);
        }
    }

    /**
     * Retried until it commits, an event proves poison or the batch is to be split. Every attempt runs on
     * the message's own Vert.x context: a retry after a back-off, or after a rollback, would otherwise run
     * where the timer or the failure left it, a context Hibernate Reactive refuses to open a session on.
     */
    private static Uni<Void> retried(Uni<Void> transaction, String what, Context context) {
        return transaction
                .runSubscriptionOn(task -> context.runOnContext(ignored -> task.run()))
                .onFailure(failure -> !needsEventsOneByOne(failure))
                .invoke(failure -> LOG.warnf("Processing %s failed, retrying: %s", what, failure.toString()))
                .onFailure(failure -> !needsEventsOneByOne(failure))
                .retry().withBackOff(FIRST_RETRY, MAX_RETRY).indefinitely();
    }

    /**
     * Records the events as processed; answers how many were not before. An update, not a select
     * returning the new ids: Hibernate caches no plan for a native select with a dynamic result type, and
     * its plan cache fills with a new entry on every call.
     */
    private static Uni<Integer> recordFirstDeliveries(List<IncomingEvent> events) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                insert into processed_event (event_id, event_type, topic, processed_at)
                select id, type, topic, now() from unnest(cast(:ids as varchar[]), cast(:types as varchar[]),
                    cast(:topics as varchar[])) as received(id, type, topic)
                on conflict (event_id) do nothing""")
                .setParameter("ids", events.stream().map(IncomingEvent::id).toArray(String[]::new))
                .setParameter("types", events.stream().map(IncomingEvent::type).toArray(String[]::new))
                .setParameter("topics", events.stream().map(IncomingEvent::topic).toArray(String[]::new))
                .executeUpdate());
    }

    /** Each event once, in the order received (a relay may have published an event twice in a row). */
    private static List<Received> firstOccurrences(List<Received> received) {
        Set<String> seen = new HashSet<>();
        return received.stream().filter(one -> seen.add(one.event().id())).toList();
    }

    private Uni<Void> skipDuplicate(IncomingEvent event) {
        LOG.debugf("Event %s (%s) was already processed, ignoring the redelivery", event.id(), event.type());
        duplicates(event.topic()).increment();
        return Uni.createFrom().voidItem();
    }

    /**
     * Sends the record to its topic's dead-letter topic ({@code <topic>-dlq}): a service reads several topics
     * with one consumer, and SmallRye's dead-letter handler takes the topic from the nack's metadata.
     */
    private Uni<Void> deadLetter(KafkaRecord<String, String> record, Throwable poison) {
        String deadLetterTopic = ShopTopics.deadLetterTopicOf(record.getTopic());
        LOG.errorf("Sending a poison event to %s: %s", deadLetterTopic, poison.getMessage());
        deadLettered(record.getTopic()).increment();
        return Uni.createFrom().completionStage(() -> record.nack(poison, Metadata.of(
                OutgoingKafkaRecordMetadata.builder().withTopic(deadLetterTopic).build())));
    }
}
