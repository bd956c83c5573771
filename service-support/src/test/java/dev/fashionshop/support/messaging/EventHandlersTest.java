package dev.fashionshop.support.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.smallrye.mutiny.Uni;

class EventHandlersTest {

    record ParcelShipped(String parcelId) implements ConsumedEvent {

        @Override
        public boolean isComplete() {
            return parcelId != null;
        }
    }

    record ParcelLost() implements ConsumedEvent {
    }

    private final List<String> handled = new ArrayList<>();

    private final EventHandlers handlers = EventHandlers.builder()
            .on(ParcelShipped.class, (shipped, event) -> record("shipped " + shipped.parcelId() + " of " + event.key()))
            .on(ParcelLost.class, (lost, event) -> record("lost " + event.key()))
            .build();

    @Test
    void anEventGoesToTheHandlerOfTheTypeItsNameNames() {
        handlers.handle(event("ParcelShipped", "{\"parcelId\":\"p-1\",\"carrier\":\"an extra field\"}")).await().indefinitely();
        handlers.handle(event("ParcelLost", "{\"parcelId\":\"p-2\"}")).await().indefinitely();

        assertThat(handled).containsExactly("shipped p-1 of k-1", "lost k-1");
        assertThat(handlers.types()).containsExactlyInAnyOrder("ParcelShipped", "ParcelLost");
        assertThat(handlers.handles("ParcelReturned")).isFalse();
    }

    @Test
    void anEventMissingWhatTheServiceNeedsOrNotJsonIsPoison() {
        assertThatThrownBy(() -> handlers.handle(event("ParcelShipped", "{\"carrier\":\"x\"}")))
                .isInstanceOf(PoisonEventException.class).hasMessageContaining("misses data");
        assertThatThrownBy(() -> handlers.handle(event("ParcelShipped", "not JSON")))
                .isInstanceOf(PoisonEventException.class).hasMessageContaining("unreadable");
        assertThat(handled).isEmpty();
    }

    @Test
    void aTypeHasOneHandler() {
        assertThatThrownBy(() -> EventHandlers.builder()
                .on(ParcelLost.class, (lost, event) -> Uni.createFrom().voidItem())
                .on(ParcelLost.class, (lost, event) -> Uni.createFrom().voidItem()))
                .isInstanceOf(IllegalStateException.class);
    }

    private Uni<Void> record(String what) {
        handled.add(what);
        return Uni.createFrom().voidItem();
    }

    private static IncomingEvent event(String type, String data) {
        return new IncomingEvent(UUID.randomUUID().toString(), type, "test", Instant.now(), "parcels", "k-1", data);
    }
}
