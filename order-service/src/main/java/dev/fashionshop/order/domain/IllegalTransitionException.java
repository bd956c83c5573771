package dev.fashionshop.order.domain;

import java.util.UUID;

/** A command the order's current state does not allow; the REST layer answers 409 with the current state. */
public class IllegalTransitionException extends RuntimeException {

    public final UUID orderId;
    public final OrderStatus currentState;

    public IllegalTransitionException(UUID orderId, OrderStatus currentState, OrderStatus wanted) {
        super("Order " + orderId + " is " + currentState + " and cannot become " + wanted);
        this.orderId = orderId;
        this.currentState = currentState;
    }
}
