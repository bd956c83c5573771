package dev.fashionshop.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.restassured.response.Response;

/**
 * Invariant 8 through the gateway: a checkout's requests, sent many times at once with one
 * Idempotency-Key (a double click, two tabs, a client retrying while the first is still paid), make one
 * order and one charge; the audit then finds one payment for it.
 */
@AuditedJourneys
class IdempotentOrderJourneyTest {

    private static final int AT_ONCE = 24;

    private ShopApi shop;

    @BeforeAll
    void connect(ShopApi shop) {
        this.shop = shop;
    }

    @Test
    void manyRequestsAtOnceWithOneKeyMakeOneOrderAndOneCharge() throws Exception {
        String sku = "IDEM-" + UUID.randomUUID();
        String itemId = shop.registerItem(sku, 1000, 1500);
        shop.awaitCatalogued(itemId, sku);
        String key = UUID.randomUUID().toString();
        String body = ShopApi.orderBody(itemId, sku, 1, null);

        ExecutorService clients = Executors.newFixedThreadPool(AT_ONCE);
        List<Response> answers;
        try {
            List<Callable<Response>> requests = IntStream.range(0, AT_ONCE).<Callable<Response>> mapToObj(i -> () -> shop
                    .as("alice").header("Idempotency-Key", key).body(body).post(shop.gateway + "/api/orders")).toList();
            answers = clients.invokeAll(requests).stream().map(IdempotentOrderJourneyTest::answer).toList();
        } finally {
            clients.shutdownNow();
        }

        assertThat(answers).extracting(Response::statusCode).allMatch(status -> status == 201 || status == 409);
        List<String> orderIds = answers.stream().filter(a -> a.statusCode() == 201).map(a -> a.<String> path("id"))
                .distinct().toList();
        assertThat(orderIds).hasSize(1);
        // one order of this item (there is one more, bob's declined one of awaitCatalogued) and one payment for it
        assertThat(shop.queryForLong("order_service",
                "select count(*) from orders o join order_line l on l.order_id = o.id where o.buyer_id = 'alice' and l.sku = ?",
                sku)).isEqualTo(1);
        assertThat(shop.queryForLong("payment_service", "select count(*) from payment where order_id = ?::uuid",
                orderIds.get(0))).isEqualTo(1);
        // once answered, the key replays the first answer
        Response again = shop.as("alice").header("Idempotency-Key", key).body(body).post(shop.gateway + "/api/orders");
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(again.<String> path("id")).isEqualTo(orderIds.get(0));
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
    }

    private static Response answer(Future<Response> answer) {
        try {
            return answer.get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
