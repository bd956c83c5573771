package dev.fashionshop.support.metrics;

import java.util.Locale;

/**
 * The stages of the saga whose durations the shop measures ({@code shop.saga.stage}), each timed by the
 * service that ends it, from the time of the event that began it.
 */
public enum SagaStage {

    /** The payment taken (OrderPlaced) to the stock reserved at the store (StoreReceived): store-service. */
    PAID_TO_RECEIVED,
    /** The order received by the store to the owner's acceptance (StoreAccepted): store-service. */
    RECEIVED_TO_ACCEPTED,
    /** The delivery started for an accepted order to its completion (DeliveryCompleted): delivery-service. */
    ACCEPTED_TO_DELIVERED,
    /** The buyer's cancellation of a paid order (OrderCancelled) to its refund (PaymentRefunded): order-service. */
    CANCEL_REQUESTED_TO_REFUNDED;

    /** Its value of the {@code stage} tag. */
    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
