package dev.fashionshop.support.messaging;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

import io.smallrye.mutiny.Uni;

/**
 * What a service does with each event type it reads: the dispatch table of its one consumer. An event
 * is read as the {@link ConsumedEvent} record of its type and handed to that type's handler, with the
 * envelope (id, key, time) beside it; the types not in the table are passed over.
 */
public final class EventHandlers {

    private final Map<String, Handler<?>> byType;

    private EventHandlers(Map<String, Handler<?>> byType) {
        this.byType = Map.copyOf(byType);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The event names this service acts on. */
    public Set<String> types() {
        return byType.keySet();
    }

    public boolean handles(String eventType) {
        return byType.containsKey(eventType);
    }

    /**
     * Acts on the event, in the batch's transaction.
     *
     * @throws PoisonEventException if its data does not parse as its type or misses what the service needs
     */
    public Uni<Void> handle(IncomingEvent event) {
        Handler<?> handler = byType.get(event.type());
        if (handler == null) {
            throw new IllegalArgumentException("No handler for " + event.type());
        }
        return handler.handle(event);
    }

    private record Handler<E extends ConsumedEvent>(Class<E> type, BiFunction<E, IncomingEvent, Uni<Void>> action) {

        Uni<Void> handle(IncomingEvent event) {
            E data = event.dataAs(type);
            if (!data.isComplete()) {
                throw new PoisonEventException(event.type() + " " + event.id() + " misses data this service needs");
            }
            return action.apply(data, event);
        }
    }

    public static final class Builder {

        private final Map<String, Handler<?>> byType = new LinkedHashMap<>();

        private Builder() {
        }

        /** Acts on the events of this type: the type's simple name is the event name it reads. */
        public <E extends ConsumedEvent> Builder on(Class<E> type, BiFunction<E, IncomingEvent, Uni<Void>> action) {
            if (byType.putIfAbsent(ShopEvent.typeOf(type), new Handler<>(type, action)) != null) {
                throw new IllegalStateException("Two handlers for " + ShopEvent.typeOf(type));
            }
            return this;
        }

        public EventHandlers build() {
            return new EventHandlers(byType);
        }
    }
}
