package dev.fashionshop.view.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.smallrye.mutiny.helpers.test.AssertSubscriber;

class MyOrderChangesTest {

    private final MyOrderChanges changes = new MyOrderChanges(null, null, () -> 5);

    @Test
    void aStreamHoldsTheChangesItsClientHasNotAskedForYet() {
        AssertSubscriber<MyOrderView> client = changes.of("alice").subscribe().withSubscriber(AssertSubscriber.create(1));

        // an order's events change it three times in quick succession, while the client reads one at a time
        changes.publish(change("alice", "PAID"));
        changes.publish(change("alice", "PAID"));
        changes.publish(change("alice", "RECEIVED"));

        client.assertNotTerminated().assertItems(client.getItems().get(0));
        client.request(2);
        assertThat(client.getItems()).extracting(MyOrderView::status).containsExactly("PAID", "PAID", "RECEIVED");
        client.assertNotTerminated();
    }

    @Test
    void aStreamGetsOnlyItsBuyersOrders() {
        AssertSubscriber<MyOrderView> alice = changes.of("alice").subscribe().withSubscriber(AssertSubscriber.create(10));

        changes.publish(change("bob", "PAID"));
        changes.publish(change("alice", "RECEIVED"));

        assertThat(alice.getItems()).extracting(MyOrderView::buyerId).containsExactly("alice");
    }

    private static MyOrderView change(String buyerId, String status) {
        return new MyOrderView(UUID.randomUUID(), buyerId, status, null, null, null, 1000L, "EUR", List.of(), List.of(),
                Instant.now());
    }
}
