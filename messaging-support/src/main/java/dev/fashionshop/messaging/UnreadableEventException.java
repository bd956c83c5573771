package dev.fashionshop.messaging;

/** An event that no retry can make readable: the consumer sends it to the dead-letter topic and carries on. */
public class UnreadableEventException extends RuntimeException {

    public UnreadableEventException(String reason) {
        super(reason);
    }
}
