package dev.fashionshop.local.audit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * The invariants of DESIGN.md, checked on a snapshot of a quiet shop (no event in flight). Each check
 * reads the owning services' state and says, per order, what breaks which invariant.
 */
public final class Invariants {

    /** Payment states that mean the money was taken (a refund implies an approval before it). */
    private static final Set<String> MONEY_TAKEN = Set.of("APPROVED", "REFUNDED");
    /** Order states of an order order-service counts as paid and not over. */
    private static final Set<String> PAID_ORDER = Set.of("PAID", "ACCEPTED", "SHIPPING", "DELIVERED", "CANCEL_REQUESTED");
    /** Order states in which the buyer got nothing and must have got the money back. */
    private static final Set<String> ENDED_WITHOUT_GOODS = Set.of("CANCELLED", "REJECTED", "EXPIRED");

    private final ShopSnapshot shop;
    private final List<Violation> violations = new ArrayList<>();

    private Invariants(ShopSnapshot shop) {
        this.shop = shop;
    }

    public static List<Violation> check(ShopSnapshot shop) {
        Invariants invariants = new Invariants(shop);
        for (UUID orderId : shop.orderIds()) {
            invariants.nothingHappensWithoutAnApprovedPayment(orderId);
            invariants.paymentsAndRefundsAtMostOnce(orderId);
            invariants.anOrderEndedWithoutGoodsIsRefunded(orderId);
            invariants.stockIsTakenAndGivenBackOnce(orderId);
            invariants.everyServiceSawWhatItHadTo(orderId);
            invariants.theViewEqualsTheOwners(orderId);
        }
        invariants.stockIsNeverNegativeAndMatchesItsLedger();
        invariants.oneKeyIsOneOrder();
        return List.copyOf(invariants.violations);
    }

    /** 1. No store order, delivery or OrderPlaced for an order without an approved payment. */
    private void nothingHappensWithoutAnApprovedPayment(UUID orderId) {
        if (isOneOf(shop.payments().get(orderId), MONEY_TAKEN)) {
            return;
        }
        String payment = Objects.requireNonNullElse(shop.payments().get(orderId), "no payment");
        if (shop.storeOrders().containsKey(orderId)) {
            violate(1, orderId, "a store order exists (" + shop.storeOrders().get(orderId) + ") without an approved payment ("
                    + payment + ")");
        }
        if (shop.deliveries().containsKey(orderId)) {
            violate(1, orderId, "a delivery exists without an approved payment (" + payment + ")");
        }
        if (shop.publishedCount(orderId, "OrderPlaced") > 0) {
            violate(1, orderId, "OrderPlaced was published without an approved payment (" + payment + ")");
        }
    }

    /** 2. At most one approved payment per order; a refund only for an approved payment, at most once. */
    private void paymentsAndRefundsAtMostOnce(UUID orderId) {
        int approvals = shop.publishedCount(orderId, "PaymentApproved");
        int refunds = shop.publishedCount(orderId, "PaymentRefunded");
        if (approvals > 1) {
            violate(2, orderId, "the payment was approved " + approvals + " times");
        }
        if (refunds > 1) {
            violate(2, orderId, "the payment was refunded " + refunds + " times");
        }
        if (refunds > 0 && approvals == 0) {
            violate(2, orderId, "a refund was made for a payment never approved");
        }
        if ("REFUNDED".equals(shop.payments().get(orderId)) != (refunds > 0)) {
            violate(2, orderId, "the payment is " + shop.payments().get(orderId) + " but " + refunds
                    + " PaymentRefunded event(s) were published");
        }
    }

    /** 3. Every cancelled or rejected order that was paid is refunded (and an expired one, should its payment have gone through). */
    private void anOrderEndedWithoutGoodsIsRefunded(UUID orderId) {
        String order = shop.orders().get(orderId);
        if (isOneOf(order, ENDED_WITHOUT_GOODS) && "APPROVED".equals(shop.payments().get(orderId))) {
            violate(3, orderId, "the order is " + order + " but its payment was never refunded");
        }
    }

    /** 4. A store order takes its stock once, and gives it back once if cancelled; a rejected one takes nothing. */
    private void stockIsTakenAndGivenBackOnce(UUID orderId) {
        String storeOrder = shop.storeOrders().get(orderId);
        long ordered = shop.orderedQuantity().getOrDefault(orderId, 0L);
        long reserved = shop.reserved().getOrDefault(orderId, 0L);
        long released = shop.released().getOrDefault(orderId, 0L);
        long expectedReserved = storeOrder == null || "REJECTED".equals(storeOrder) ? 0 : ordered;
        long expectedReleased = "CANCELLED".equals(storeOrder) ? ordered : 0;
        if (reserved != expectedReserved || released != expectedReleased) {
            violate(4, orderId, "the store order is " + Objects.requireNonNullElse(storeOrder, "absent") + " for "
                    + ordered + " piece(s), and took " + reserved + " and gave back " + released);
        }
        int cancellations = shop.publishedCount(orderId, "StoreCancelled");
        if (cancellations > 1) {
            violate(4, orderId, "the store cancelled the order " + cancellations + " times");
        }
    }

    private void stockIsNeverNegativeAndMatchesItsLedger() {
        shop.stock().forEach((sku, stock) -> {
            if (stock < 0) {
                violate(4, sku, "the stock is " + stock);
            }
            long ledger = shop.ledgerStock().getOrDefault(sku, 0L);
            if (ledger != stock) {
                violate(4, sku, "the stock is " + stock + " but its movements add up to " + ledger);
            }
        });
    }

    /**
     * 5. Every event reached every consumer: once quiet, each service's state is what the others' events
     * imply (an event lost between a commit and Kafka, or skipped by a consumer, shows here).
     */
    private void everyServiceSawWhatItHadTo(UUID orderId) {
        String order = shop.orders().get(orderId);
        String store = shop.storeOrders().get(orderId);
        String delivery = shop.deliveries().get(orderId);
        if (order == null) {
            violate(5, orderId, "order-service does not know an order other services know");
            return;
        }
        Set<String> expected = expectedOrderStates(store, delivery);
        if (!expected.contains(order)) {
            violate(5, orderId, "the order is " + order + " but the store order is " + Objects.requireNonNullElse(store, "absent")
                    + " and the delivery " + Objects.requireNonNullElse(delivery, "absent") + " (expected " + expected + ")");
        }
        if (delivery != null && !isOneOf(store, Set.of("ACCEPTED", "CANCEL_REQUESTED", "CANCELLED"))) {
            violate(5, orderId, "a delivery is " + delivery + " but the store order is " + store);
        }
        if ("STARTED".equals(delivery) && "CANCELLED".equals(store)) {
            violate(5, orderId, "the store cancelled the order but its delivery is still under way");
        }
        if (isOneOf(order, PAID_ORDER) && !"APPROVED".equals(shop.payments().get(orderId))) {
            violate(5, orderId, "the order is " + order + " but its payment is " + shop.payments().get(orderId));
        }
    }

    /** What order-service must hold for an order, given what the store and the delivery hold. */
    private static Set<String> expectedOrderStates(String store, String delivery) {
        if (store == null) {
            return Set.of("PAYMENT_DECLINED", "PAYMENT_DEFERRED", "EXPIRED", "CANCELLED");
        }
        return switch (store) {
            case "RECEIVED" -> Set.of("PAID");
            case "CANCEL_REQUESTED" -> Set.of("CANCEL_REQUESTED");
            case "CANCELLED" -> Set.of("CANCELLED");
            // a cancellation asked before the store rejected the order ends CANCELLED on the refund
            case "REJECTED" -> Set.of("REJECTED", "CANCELLED");
            case "ACCEPTED" -> delivery == null ? Set.of("SHIPPING (a delivery should have started)") : switch (delivery) {
                case "STARTED" -> Set.of("SHIPPING");
                case "COMPLETED" -> Set.of("DELIVERED");
                default -> Set.of("(no order state: the store accepted and the delivery is " + delivery + ")");
            };
            default -> Set.of("(unknown store state " + store + ")");
        };
    }

    /** 6. The view of every order equals the state held by the owning services. */
    private void theViewEqualsTheOwners(UUID orderId) {
        ShopSnapshot.View view = shop.views().get(orderId);
        if (view == null) {
            violate(6, orderId, "the order is missing from the view");
            return;
        }
        compare(orderId, "status", view.status(), shop.orders().get(orderId));
        compare(orderId, "paymentStatus", view.paymentStatus(), shop.payments().get(orderId));
        compare(orderId, "storeStatus", view.storeStatus(), announced(orderId, shop.storeOrders().get(orderId)));
        compare(orderId, "deliveryStatus", view.deliveryStatus(), shop.deliveries().get(orderId));
    }

    /**
     * The store state the view can know: no event announces CANCEL_REQUESTED, so the view keeps the one
     * before it, ACCEPTED if the store accepted the order and RECEIVED otherwise.
     */
    private String announced(UUID orderId, String storeStatus) {
        if (!"CANCEL_REQUESTED".equals(storeStatus)) {
            return storeStatus;
        }
        return shop.publishedCount(orderId, "StoreAccepted") > 0 ? "ACCEPTED" : "RECEIVED";
    }

    private void compare(UUID orderId, String field, String inView, String atOwner) {
        if (!Objects.equals(inView, atOwner)) {
            violate(6, orderId, "the view shows " + field + " " + inView + " but the owning service holds " + atOwner);
        }
    }

    /**
     * 8. One buyer intent is one order: each Idempotency-Key (unique per buyer by its table's key) names an
     * order of its own buyer, and no order was created under two keys.
     */
    private void oneKeyIsOneOrder() {
        Map<UUID, Integer> keysPerOrder = new HashMap<>();
        for (ShopSnapshot.KeyedOrder keyed : shop.keyedOrders()) {
            keysPerOrder.merge(keyed.orderId(), 1, Integer::sum);
            String buyer = shop.buyers().get(keyed.orderId());
            if (!keyed.buyer().equals(buyer)) {
                violate(8, keyed.orderId(), "the Idempotency-Key '" + keyed.key() + "' of " + keyed.buyer() + " names "
                        + (buyer == null ? "no order" : "an order of " + buyer));
            }
        }
        keysPerOrder.forEach((orderId, keys) -> {
            if (keys > 1) {
                violate(8, orderId, "the order is named by " + keys + " Idempotency-Keys");
            }
        });
    }

    /** Set.of(...).contains(null) throws: an absent state is in no set. */
    private static boolean isOneOf(String state, Set<String> states) {
        return state != null && states.contains(state);
    }

    private void violate(int invariant, Object subject, String finding) {
        violations.add(new Violation(invariant, subject.toString(), finding));
    }
}
