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

    private OrderStatusRules() {
    }

    /**
     * The store's status once it reported {@code reported}, {@code known} being what it reported before:
     * the furthest step wins, so that a late event (StoreReceived after StoreAccepted) changes nothing.
     */
    public static String storeStatusAfter(String known, String reported) {
        return storeStep(reported) > storeStep(known) ? reported : known;
    }

    private static int storeStep(String storeStatus) {
        return storeStatus == null ? 0 : STORE_STEPS.getOrDefault(storeStatus, 0);
    }

    public static String derive(String orderStatus, String paymentStatus, String storeStatus, String deliveryStatus) {
        if ("CANCELLED".equals(orderStatus)) {
            return "CANCELLED";
        }
        if ("CANCEL_REQUESTED".equals(orderStatus)) {
            // the refund is the last step of a cancellation (order-service ends CANCELLED on it)
            return "REFUNDED".equals(paymentStatus) ? "CANCELLED" : "CANCEL_REQUESTED";
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
