package dev.fashionshop.delivery.domain;

import java.util.UUID;

/** A command the delivery's current state does not allow; the REST layer answers 409 with the current state. */
public class IllegalTransitionException extends RuntimeException {

    public final UUID deliveryId;
    public final UUID orderId;
    public final DeliveryStatus currentState;

    public IllegalTransitionException(Delivery delivery, DeliveryStatus wanted) {
        super("Delivery " + delivery.id + " is " + delivery.status + " and cannot become " + wanted);
        this.deliveryId = delivery.id;
        this.orderId = delivery.orderId;
        this.currentState = delivery.status;
    }
}
