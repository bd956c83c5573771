package dev.fashionshop.support.messaging;

import java.time.Duration;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Processes each event at most once in effect. The event id is recorded in the same database
 * transaction as the handler's changes, so a redelivered event (Kafka delivers at least once) finds
 * its id already there and changes nothing, and a failed handler records nothing.
 * <p>
 * The Kafka message is acknowledged only after the transaction committed. A poison event (see
 * {@link PoisonEventException}) is nacked, and the channel's failure strategy sends it to the
 * dead-letter topic. Any other failure (the database is away, a conflict) is retried with a back-off,
 * holding back the events after it on the partition so that their order is kept.
 */
@ApplicationScoped
public class EventInbox {

    private static final Logger LOG = Logger.getLogger(EventInbox.class);
    private static final Duration FIRST_RETRY = Duration.ofMillis(200);
    private static final Duration MAX_RETRY = Duration.ofSeconds(10);

    public Uni<Void> process(Message<String> message, Function<IncomingEvent, Uni<Void>> handler) {
        return process(message, type -> true, handler);
    }

    /**
     * Processes the events of the given types, and acknowledges the others at once: an event a service
     * does not act on needs no transaction and no inbox row (a topic carries every step of the saga,
     * and most services act on few of them).
     */
    public Uni<Void> process(Message<String> message, Set<String> handledTypes, Function<IncomingEvent, Uni<Void>> handler) {
        return process(message, handledTypes::contains, handler);
    }

    /** As {@link #process(Message, Set, Function)}, with the handled types told by a predicate. */
    public Uni<Void> process(Message<String> message, Predicate<String> handles, Function<IncomingEvent, Uni<Void>> handler) {
        return Uni.createFrom().item(() -> IncomingEvent.from(message))
                .chain(event -> handles.test(event.type()) ? processOnce(event, handler) : skipUnhandled(event))
                .onItemOrFailure().transformToUni((ignored, failure) -> {
                    if (failure == null) {
                        return Uni.createFrom().completionStage(message.ack());
                    }
                    LOG.errorf("Sending a poison event to the dead-letter topic: %s", failure.getMessage());
                    return Uni.createFrom().completionStage(message.nack(failure));
                });
    }

    /** The handler's changes and the event id in one transaction, retried until it commits or the event proves poison. */
    private Uni<Void> processOnce(IncomingEvent event, Function<IncomingEvent, Uni<Void>> handler) {
        return Uni.createFrom().deferred(() -> Panache.withTransaction(() -> recordFirstDelivery(event)
                .chain(first -> first ? handler.apply(event) : skipDuplicate(event))))
                .onFailure(failure -> !(failure instanceof PoisonEventException))
                .invoke(failure -> LOG.warnf("Processing %s %s failed, retrying: %s", event.type(), event.id(),
                        failure.toString()))
                .onFailure(failure -> !(failure instanceof PoisonEventException))
                .retry().withBackOff(FIRST_RETRY, MAX_RETRY).indefinitely();
    }

    /** True when this event id is new; the insert is a no-op for an id already processed. */
    private Uni<Boolean> recordFirstDelivery(IncomingEvent event) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                insert into processed_event (event_id, event_type, topic, processed_at)
                values (:id, :type, :topic, now())
                on conflict (event_id) do nothing""")
                .setParameter("id", event.id())
                .setParameter("type", event.type())
                .setParameter("topic", event.topic())
                .executeUpdate())
                .map(inserted -> inserted == 1);
    }

    private static Uni<Void> skipUnhandled(IncomingEvent event) {
        LOG.debugf("Not acting on %s %s", event.type(), event.id());
        return Uni.createFrom().voidItem();
    }

    private static Uni<Void> skipDuplicate(IncomingEvent event) {
        LOG.debugf("Event %s (%s) was already processed, ignoring the redelivery", event.id(), event.type());
        return Uni.createFrom().voidItem();
    }
}
