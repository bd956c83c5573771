package dev.fashionshop.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.fashionshop.order.service.UnpaidOrderTimer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.vertx.VertxContextSupport;

/** The timer of unsettled payments, one round at a time (its schedule is off here, the test runs a round). */
@QuarkusTest
@TestProfile(UnpaidOrderTimerTest.RoundsRunByTheTest.class)
class UnpaidOrderTimerTest extends OrderServiceTest {

    public static class RoundsRunByTheTest implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("shop.orders.expiry-check-interval", "off");
        }
    }

    @Inject
    UnpaidOrderTimer timer;

    @Test
    void oneRoundDefersABacklogOfUnsettledOrdersLargerThanManyBatches() throws Throwable {
        int backlog = 317; // three full batches of 100 and a part of one
        database.update("""
                insert into orders (id, buyer_id, status, total_amount, currency, shipping_address, created_at, updated_at, version)
                select gen_random_uuid(), 'buyer-left-unsettled', 'PAYMENT_PENDING', 1000, 'EUR', 'Street 1',
                       now() - interval '2 minutes', now() - interval '2 minutes', 0
                from generate_series(1, ?)""", backlog);

        VertxContextSupport.subscribeAndAwait(timer::checkUnpaidOrders);

        assertThat(database.queryForLong("select count(*) from orders where buyer_id = 'buyer-left-unsettled' "
                + "and status = 'PAYMENT_DEFERRED'")).isEqualTo(backlog);
        assertThat(database.queryForLong("select count(*) from outbox_event where type = 'PaymentDeferred' "
                + "and payload like '%buyer-left-unsettled%'")).isEqualTo(backlog);
    }
}
