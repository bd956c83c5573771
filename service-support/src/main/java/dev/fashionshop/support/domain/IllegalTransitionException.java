package dev.fashionshop.support.domain;

import java.util.Map;

/**
 * A move the aggregate's {@link TransitionTable} does not allow from its current state. The REST layer
 * answers it with a 409 problem that names the aggregate and its current state.
 */
public class IllegalTransitionException extends RuntimeException {

    private final Map<String, Object> subject;
    private final Enum<?> currentState;

    /**
     * @param message what was refused, for a person
     * @param subject the identifiers of what refused to move: {@code orderId}, {@code deliveryId}
     */
    public IllegalTransitionException(String message, Map<String, ?> subject, Enum<?> currentState) {
        super(message);
        this.subject = Map.copyOf(subject);
        this.currentState = currentState;
    }

    /** What refused to move, by its identifiers: {@code orderId}, {@code deliveryId}. */
    public Map<String, Object> subject() {
        return subject;
    }

    public Enum<?> currentState() {
        return currentState;
    }
}
