package dev.fashionshop.support.messaging;

/**
 * An event a service publishes (docs/events.md): a record whose components are the event's data and
 * whose simple name is the event's name, the CloudEvent type ({@code ce_type}). It knows the topic it
 * goes to and its record key, so publishing one is {@code outbox.add(event)}.
 */
public interface ShopEvent {

    /** The topic of the aggregate it concerns, one of {@link ShopTopics#TOPICS}. */
    String topic();

    /** The record key: the order's id, or the item's on {@code items}, so that one aggregate's events keep their order. */
    String key();

    /** The CloudEvent type: the record's simple name, e.g. {@code OrderPlaced}. */
    default String type() {
        return typeOf(getClass());
    }

    /** The event name of an event type, published or read: its simple name. */
    static String typeOf(Class<?> eventType) {
        return eventType.getSimpleName();
    }
}
