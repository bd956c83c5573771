package dev.fashionshop.view.domain;

import java.util.Map;

/**
 * The order's status as order-service holds it, derived from what each service reported. Events of
 * one order reach the view on different topics in any order; deriving the status from all the facts
 * (the furthest step of the saga wins) gives the same answer whatever that order was.
 */
public final class OrderStatusRules {

    /**
     * How far the store took an order: RECEIVED comes first, then ACCEPTED, and CANCELLED or REJECTED
     * end it (a rejected order was never received).
     */
    private static final Map<String, Integer> STORE_STEPS = Map.of("RECEIVED", 1, "ACCEPTED", 2, "CANCELLED", 3, "REJECTED", 3);

    /**
     * How far order-service took an order, by its events: deferred, paid, cancellation requested, and an end
     * (cancelled or expired). A deferred order may be deferred again, then paid, cancelled or expired; nothing
     * goes back.
     */
    private static final Map<String, Integer> ORDER_STEPS = Map.of("PAYMENT_DEFERRED", 1, "PAID", 2, "CANCEL_REQUESTED", 3,
            "CANCELLED", 4, "EXPIRED", 4);

    private OrderStatusRules() {
    }

    /**
     * The order's status once order-service reported {@code reported}: the furthest step wins, so that an event
     * that reaches the view late (a PaymentDeferred sent again after the order expired) changes nothing.
     */
    public static String orderStatusAfter(String known, String reported) {
        return step(ORDER_STEPS, reported) >= step(ORDER_STEPS, known) ? reported : known;
    }

    /**
     * The store's status once it reported {@code reported}, {@code known} being what it reported before:
     * the furthest step wins, so that a late event (StoreReceived after StoreAccepted) changes nothing.
     */
    public static String storeStatusAfter(String known, String reported) {
        return step(STORE_STEPS, reported) > step(STORE_STEPS, known) ? reported : known;
    }

    private static int step(Map<String, Integer> steps, String status) {
        return status == null ? 0 : steps.getOrDefault(status, 0);
    }

    public static String derive(String orderStatus, String paymentStatus, String storeStatus, String deliveryStatus) {
        if ("CANCELLED".equals(orderStatus)) {
            return "CANCELLED";
        }
        if ("CANCEL_REQUESTED".equals(orderStatus)) {
            // the refund is the last step of a cancellation (order-service ends CANCELLED on it)
            return "REFUNDED".equals(paymentStatus) ? "CANCELLED" : "CANCEL_REQUESTED";
        }
        if ("PAYMENT_DEFERRED".equals(orderStatus) && "DECLINED".equals(paymentStatus)) {
            // a decline is final: order-service ends a deferred order on it (PaymentDeclined), as paying again would
            return "PAYMENT_DECLINED";
        }
        if ("PAYMENT_DEFERRED".equals(orderStatus) || "EXPIRED".equals(orderStatus)) {
            // order-service has not taken the money, whatever payment-service says: a payment approved
            // after the call timed out counts only once the buyer pays again (OrderPlaced), and is
            // refunded when the order expires
            return orderStatus;
        }
        if ("REJECTED".equals(storeStatus)) {
            return "REJECTED";
        }
        if ("COMPLETED".equals(deliveryStatus)) {
            return "DELIVERED";
        }
        if ("STARTED".equals(deliveryStatus)) {
            return "SHIPPING";
        }
        if ("ACCEPTED".equals(storeStatus)) {
            return "ACCEPTED";
        }
        // the store receives paid orders only
        if ("PAID".equals(orderStatus) || "APPROVED".equals(paymentStatus) || "RECEIVED".equals(storeStatus)) {
            return "PAID";
        }
        if ("DECLINED".equals(paymentStatus)) {
            return "PAYMENT_DECLINED";
        }
        return orderStatus;
    }
}
