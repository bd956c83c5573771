package dev.fashionshop.support.messaging;

/**
 * An event that no retry can make processable (not a CloudEvent, no data, data that does not parse or
 * misses what the event must carry): the consumer sends it to the dead-letter topic and carries on.
 */
public class PoisonEventException extends RuntimeException {

    public PoisonEventException(String reason) {
        super(reason);
    }

    public PoisonEventException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
