package dev.fashionshop.testsupport;

import java.util.List;
import java.util.stream.Stream;

/**
 * The Kafka topics of the shop (see docs/events.md) and their dead-letter topics.
 * The local runner and the Kubernetes manifests create the same set.
 */
public final class ShopTopics {

    public static final List<String> TOPICS = List.of("items", "orders", "payments", "store-orders", "deliveries");

    /** Partitions per topic: events are keyed by orderId (itemId on items), so order is kept per key. */
    public static final int PARTITIONS = 3;

    private ShopTopics() {
    }

    public static String deadLetterTopicOf(String topic) {
        return topic + "-dlq";
    }

    public static List<String> allWithDeadLetterTopics() {
        return TOPICS.stream().flatMap(t -> Stream.of(t, deadLetterTopicOf(t))).toList();
    }
}
