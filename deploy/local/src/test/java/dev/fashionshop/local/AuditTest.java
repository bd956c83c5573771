package dev.fashionshop.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.fashionshop.local.audit.ShopAudit;
import dev.fashionshop.local.audit.Violation;
import picocli.CommandLine;

/**
 * The audit catches real breakage: each test corrupts one service's database the way a bug would,
 * sees the audit name the broken invariant and the order (or SKU), and repairs the data.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(RunningShop.class)
class AuditTest {

    private ShopApi shop;

    @BeforeAll
    void connect(ShopApi shop) {
        this.shop = shop;
    }

    @Test
    void catchesADoubleRefundAndExitsNonZero() throws Exception {
        String orderId = cancelledAndRefundedOrder();
        assertThat(audit()).isZero();

        shop.update("payment_service", """
                insert into outbox_event (id, topic, record_key, type, payload, created_at, published_at)
                select gen_random_uuid(), topic, record_key, type, payload, now(), now() from outbox_event
                where record_key = ? and type = 'PaymentRefunded'""", orderId);
        try {
            assertThat(shop.audit().violations())
                    .contains(new Violation(2, orderId, "the payment was refunded 2 times"));
            assertThat(audit()).isEqualTo(1);
        } finally {
            shop.update("payment_service", """
                    delete from outbox_event where record_key = ? and type = 'PaymentRefunded'
                    and created_at > (select min(created_at) from outbox_event where record_key = ? and type = 'PaymentRefunded')""",
                    orderId, orderId);
        }
        assertThat(audit()).isZero();
    }

    @Test
    void catchesStockBelowZero() throws Exception {
        String sku = "AUDIT-" + UUID.randomUUID();
        shop.registerItem(sku, 2, 1000);

        // the schema refuses a negative stock: a bug would have to get around it, so does this test
        shop.update("store_service", "alter table variant drop constraint variant_stock_check");
        try {
            shop.update("store_service", "update variant set stock = -1 where sku = ?", sku);
            assertThat(shop.audit().violations()).contains(
                    new Violation(4, sku, "the stock is -1"),
                    new Violation(4, sku, "the stock is -1 but its movements add up to 2"));
        } finally {
            shop.update("store_service", "update variant set stock = 2 where sku = ?", sku);
            shop.update("store_service", "alter table variant add constraint variant_stock_check check (stock >= 0)");
        }
    }

    @Test
    void catchesAStoreOrderWithoutAnApprovedPayment() throws Exception {
        String orderId = UUID.randomUUID().toString();
        shop.update("store_service", """
                insert into store_order (order_id, buyer_id, status, total_amount, currency, shipping_address, received_at,
                updated_at, version) values (?::uuid, 'alice', 'RECEIVED', 1000, 'EUR', 'nowhere', now(), now(), 0)""", orderId);
        try {
            ShopAudit.Report report = shop.audit();
            assertThat(report.violations()).contains(
                    new Violation(1, orderId, "a store order exists (RECEIVED) without an approved payment (no payment)"));
        } finally {
            shop.update("store_service", "delete from store_order where order_id = ?::uuid", orderId);
        }
    }

    @Test
    void catchesAViewThatDisagreesWithTheOwningServices() throws Exception {
        String sku = "AUDIT-" + UUID.randomUUID();
        String itemId = shop.registerItem(sku, 2, 1000);
        String orderId = shop.paidOrder("bob", itemId, sku, 1);
        shop.awaitView("bob", orderId, "PAID");
        // the audit waits until every event is consumed: a later one (StoreReceived) would derive the status anew
        shop.assertAuditPasses();

        shop.update("order_view_service", "update my_order set status = 'DELIVERED' where order_id = ?::uuid", orderId);
        try {
            assertThat(shop.audit().violations()).contains(
                    new Violation(6, orderId, "the view shows status DELIVERED but the owning service holds PAID"));
        } finally {
            shop.update("order_view_service", "update my_order set status = 'PAID' where order_id = ?::uuid", orderId);
        }
        shop.assertAuditPasses();
    }

    private String cancelledAndRefundedOrder() {
        String sku = "AUDIT-" + UUID.randomUUID();
        String itemId = shop.registerItem(sku, 2, 1000);
        String orderId = shop.paidOrder("alice", itemId, sku, 1);
        shop.awaitStoreOrder(orderId, "RECEIVED");
        shop.cancelAndConfirm("alice", orderId);
        shop.awaitView("alice", orderId, "CANCELLED");
        return orderId;
    }

    /** The audit as an operator runs it: {@code shop-local audit}; answers its exit code. */
    private int audit() {
        return new CommandLine(new ShopRunner()).execute("audit", "--pg-port", String.valueOf(shop.postgresPort),
                "--kafka", shop.kafkaBootstrapServers, "--quiet-timeout", "PT60S");
    }
}
