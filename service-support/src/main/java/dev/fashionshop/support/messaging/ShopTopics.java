package dev.fashionshop.support.messaging;

import java.util.List;
import java.util.stream.Stream;

/**
 * The shop's Kafka topics (docs/events.md), one per owning aggregate, and their dead-letter topics.
 * The services' events name their topic from here; the local runner, the test infrastructure and the
 * Kubernetes manifests create this set. Plain JDK on purpose: the runner uses it without the rest of
 * this library.
 */
public final class ShopTopics {

    public static final String ITEMS = "items";
    public static final String ORDERS = "orders";
    public static final String PAYMENTS = "payments";
    public static final String STORE_ORDERS = "store-orders";
    public static final String DELIVERIES = "deliveries";

    public static final List<String> TOPICS = List.of(ITEMS, ORDERS, PAYMENTS, STORE_ORDERS, DELIVERIES);

    /** Partitions per topic: events are keyed by orderId (itemId on items), so order is kept per key. */
    public static final int PARTITIONS = 3;

    private ShopTopics() {
    }

    /** The dead-letter topic of a topic: {@code orders} has {@code orders-dlq}. */
    public static String deadLetterTopicOf(String topic) {
        return topic + "-dlq";
    }

    public static List<String> allWithDeadLetterTopics() {
        return TOPICS.stream().flatMap(topic -> Stream.of(topic, deadLetterTopicOf(topic))).toList();
    }
}
