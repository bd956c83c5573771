package dev.fashionshop.store.domain;

import java.util.UUID;

/** A command the current state does not allow; the REST layer answers 409 with the current state. */
public class IllegalTransitionException extends RuntimeException {

    public final UUID orderId;
    public final String currentState;

    public IllegalTransitionException(UUID orderId, String currentState, String wanted) {
        super("Order " + orderId + " is " + currentState + " and cannot become " + wanted);
        this.orderId = orderId;
        this.currentState = currentState;
    }
}
