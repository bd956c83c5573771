package dev.fashionshop.support.messaging;

import java.util.function.Function;
import java.util.function.Predicate;

import io.smallrye.mutiny.Uni;

/**
 * What a service does with some of the event types it reads. A service reads all its topics with one
 * Kafka consumer, and {@link EventInbox#process(io.smallrye.reactive.messaging.kafka.KafkaRecordBatch, java.util.List)}
 * hands each event of a batch to the handler of its type (event types are unique across topics).
 */
public interface EventHandler {

    /** Whether the event type is one this handler acts on; the service passes over the others. */
    boolean handles(String eventType);

    /** Acts on the event, in the batch's transaction. */
    Uni<Void> handle(IncomingEvent event);

    static EventHandler of(Predicate<String> handles, Function<IncomingEvent, Uni<Void>> handler) {
        return new EventHandler() {
            @Override
            public boolean handles(String eventType) {
                return handles.test(eventType);
            }

            @Override
            public Uni<Void> handle(IncomingEvent event) {
                return handler.apply(event);
            }
        };
    }
}
