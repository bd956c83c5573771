package dev.fashionshop.local.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** The invariants on hand-made snapshots: every legal end of the saga passes, each kind of breakage is named. */
class InvariantsTest {

    private final Map<UUID, String> orders = new HashMap<>();
    private final Map<UUID, String> payments = new HashMap<>();
    private final Map<UUID, String> storeOrders = new HashMap<>();
    private final Map<UUID, String> deliveries = new HashMap<>();
    private final Map<UUID, ShopSnapshot.View> views = new HashMap<>();
    private final Map<UUID, Map<String, Integer>> published = new HashMap<>();
    private final Map<UUID, Long> ordered = new HashMap<>();
    private final Map<UUID, Long> reserved = new HashMap<>();
    private final Map<UUID, Long> released = new HashMap<>();
    private final Map<String, Long> stock = new HashMap<>();
    private final Map<String, Long> ledger = new HashMap<>();
    private final Map<UUID, String> buyers = new HashMap<>();
    private final List<ShopSnapshot.KeyedOrder> keyed = new ArrayList<>();

    @Test
    void everyLegalEndOfTheSagaPasses() {
        delivered(UUID.randomUUID());
        cancelledAfterPayment(UUID.randomUUID());
        UUID declined = UUID.randomUUID();
        orders.put(declined, "PAYMENT_DECLINED");
        payments.put(declined, "DECLINED");
        views.put(declined, new ShopSnapshot.View("PAYMENT_DECLINED", "DECLINED", null, null));
        UUID deferred = UUID.randomUUID();
        orders.put(deferred, "PAYMENT_DEFERRED");
        views.put(deferred, new ShopSnapshot.View("PAYMENT_DEFERRED", null, null, null));
        stock.put("TEE", 7L);
        ledger.put("TEE", 7L);

        assertThat(Invariants.check(snapshot())).isEmpty();
    }

    @Test
    void namesADoubleRefund() {
        UUID order = cancelledAfterPayment(UUID.randomUUID());
        published.get(order).put("PaymentRefunded", 2);

        assertThat(Invariants.check(snapshot())).containsExactly(new Violation(2, order.toString(), "the payment was refunded 2 times"));
    }

    @Test
    void namesAStoreOrderWithoutAnApprovedPayment() {
        UUID order = cancelledAfterPayment(UUID.randomUUID());
        payments.put(order, "DECLINED");
        published.get(order).remove("PaymentRefunded");
        published.get(order).remove("PaymentApproved");
        views.put(order, new ShopSnapshot.View("CANCELLED", "DECLINED", "CANCELLED", null));

        assertThat(Invariants.check(snapshot())).extracting(Violation::invariant).contains(1).doesNotContain(3, 6);
    }

    @Test
    void namesStockBelowZeroAndStockTheLedgerCannotExplain() {
        stock.put("TEE", -1L);
        ledger.put("TEE", 3L);

        assertThat(Invariants.check(snapshot())).containsExactly(
                new Violation(4, "TEE", "the stock is -1"),
                new Violation(4, "TEE", "the stock is -1 but its movements add up to 3"));
    }

    @Test
    void namesStockGivenBackTwice() {
        UUID order = cancelledAfterPayment(UUID.randomUUID());
        released.put(order, 4L);

        assertThat(Invariants.check(snapshot())).extracting(Violation::invariant).containsExactly(4);
    }

    @Test
    void namesAnOrderTheStoreNeverHeardOfAndAViewThatDisagrees() {
        UUID lost = delivered(UUID.randomUUID());
        storeOrders.remove(lost);
        deliveries.remove(lost);
        reserved.remove(lost);
        views.put(lost, new ShopSnapshot.View("SHIPPING", "APPROVED", null, null));

        assertThat(Invariants.check(snapshot())).extracting(Violation::invariant).containsExactlyInAnyOrder(5, 6);
    }

    @Test
    void aReceivedOrderShowsReceivedAndACancellationAwaitingTheOwnerShowsTheStepBeforeIt() {
        UUID received = paidAndReceived(UUID.randomUUID());
        UUID cancelAsked = paidAndReceived(UUID.randomUUID());
        orders.put(cancelAsked, "CANCEL_REQUESTED");
        storeOrders.put(cancelAsked, "CANCEL_REQUESTED");
        views.put(cancelAsked, new ShopSnapshot.View("CANCEL_REQUESTED", "APPROVED", "RECEIVED", null));
        assertThat(Invariants.check(snapshot())).isEmpty();

        views.put(received, new ShopSnapshot.View("PAID", "APPROVED", null, null));

        assertThat(Invariants.check(snapshot())).extracting(Violation::subject).containsExactly(received.toString());
    }

    private UUID paidAndReceived(UUID order) {
        orders.put(order, "PAID");
        payments.put(order, "APPROVED");
        storeOrders.put(order, "RECEIVED");
        published.put(order, new HashMap<>(Map.of("OrderPlaced", 1, "PaymentApproved", 1, "StoreReceived", 1)));
        ordered.put(order, 1L);
        reserved.put(order, 1L);
        views.put(order, new ShopSnapshot.View("PAID", "APPROVED", "RECEIVED", null));
        return order;
    }

    @Test
    void namesAKeyNamingAnotherBuyersOrderOrAnOrderUnderTwoKeys() {
        UUID alices = delivered(UUID.randomUUID());
        buyers.put(alices, "alice");
        keyed.add(new ShopSnapshot.KeyedOrder("alice", "checkout-1", alices));
        assertThat(Invariants.check(snapshot())).isEmpty();

        keyed.add(new ShopSnapshot.KeyedOrder("bob", "checkout-1", alices));

        assertThat(Invariants.check(snapshot())).extracting(Violation::invariant).containsExactly(8, 8);
    }

    private UUID delivered(UUID order) {
        orders.put(order, "DELIVERED");
        payments.put(order, "APPROVED");
        storeOrders.put(order, "ACCEPTED");
        deliveries.put(order, "COMPLETED");
        published.put(order, new HashMap<>(Map.of("OrderPlaced", 1, "PaymentApproved", 1, "StoreAccepted", 1)));
        ordered.put(order, 2L);
        reserved.put(order, 2L);
        views.put(order, new ShopSnapshot.View("DELIVERED", "APPROVED", "ACCEPTED", "COMPLETED"));
        return order;
    }

    private UUID cancelledAfterPayment(UUID order) {
        orders.put(order, "CANCELLED");
        payments.put(order, "REFUNDED");
        storeOrders.put(order, "CANCELLED");
        published.put(order, new HashMap<>(Map.of("OrderPlaced", 1, "PaymentApproved", 1, "StoreCancelled", 1,
                "PaymentRefunded", 1)));
        ordered.put(order, 2L);
        reserved.put(order, 2L);
        released.put(order, 2L);
        views.put(order, new ShopSnapshot.View("CANCELLED", "REFUNDED", "CANCELLED", null));
        return order;
    }

    private ShopSnapshot snapshot() {
        return new ShopSnapshot(orders, payments, storeOrders, deliveries, views, published, ordered, reserved, released,
                stock, ledger, buyers, keyed, Map.of());
    }
}
