package dev.fashionshop.support.messaging;

/**
 * An event as a service reads it: a record named after the event it reads (docs/events.md) that holds
 * only the fields this service needs. Its reader ignores the others, so a producer may add fields.
 */
public interface ConsumedEvent {

    /** Whether it carries what the service needs; an event that does not is poison, for the dead-letter topic. */
    default boolean isComplete() {
        return true;
    }
}
