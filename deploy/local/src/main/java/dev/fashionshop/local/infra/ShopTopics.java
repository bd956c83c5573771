package dev.fashionshop.local.infra;

import java.util.List;
import java.util.stream.Stream;

/**
 * The topics of docs/events.md and their dead-letter topics. The same set is created by the test
 * infrastructure (test-support's ShopTopics) and by the Kubernetes manifests.
 */
final class ShopTopics {

    static final List<String> TOPICS = List.of("items", "orders", "payments", "store-orders", "deliveries");
    static final int PARTITIONS = 3;

    private ShopTopics() {
    }

    static List<String> allWithDeadLetterTopics() {
        return TOPICS.stream().flatMap(t -> Stream.of(t, t + "-dlq")).toList();
    }
}
