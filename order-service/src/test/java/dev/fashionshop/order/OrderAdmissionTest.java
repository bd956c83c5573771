package dev.fashionshop.order;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * A replica places so many orders at once; an order beyond is refused at once as busy (503, Retry-After), and
 * nothing of it is stored, so sending it again is all a buyer does. Here two at a time, with payments that
 * take 450 ms.
 */
@QuarkusTest
@TestProfile(OrderAdmissionTest.TwoAtATime.class)
class OrderAdmissionTest extends OrderServiceTest {

    public static class TwoAtATime implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("shop.orders.max-placing", "2");
        }
    }

    @Test
    void anOrderBeyondWhatTheReplicaTakesIsRefusedAsBusyAtOnceAndNothingOfItIsStored() {
        CatalogueFixture item = CatalogueFixture.registered(kafka, database, 1000);
        String alice = tokens.buyer("alice");
        long storedBefore = database.queryForLong("select count(*) from orders");
        PaymentServiceStub.LATENCY_MS.set(450);
        int callsBefore = PaymentServiceStub.CALLS.get();

        CompletableFuture<Response> placing = CompletableFuture.supplyAsync(() -> place(alice, item, UUID.randomUUID().toString()));
        Awaitility.await().until(() -> PaymentServiceStub.CALLS.get() > callsBefore);
        List<String> keys = List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString());
        List<CompletableFuture<Response>> meanwhile = keys.stream()
                .map(key -> CompletableFuture.supplyAsync(() -> place(alice, item, key))).toList();

        assertThat(placing.join().statusCode()).isEqualTo(201);
        List<Response> answers = meanwhile.stream().map(CompletableFuture::join).toList();
        assertThat(answers).extracting(Response::statusCode).containsExactlyInAnyOrder(201, 503);
        Response busy = answers.stream().filter(answer -> answer.statusCode() == 503).findFirst().orElseThrow();
        busy.then().contentType("application/problem+json").header("Retry-After", "1");
        assertThat(busy.<String> path("title")).isEqualTo("Busy");
        assertThat(busy.<String> path("orderId")).as("a refused order has no id: none was stored").isNull();
        assertThat(database.queryForLong("select count(*) from orders")).isEqualTo(storedBefore + 2);

        // sent again with its key, it is a first request: the refusal recorded nothing under the key
        PaymentServiceStub.LATENCY_MS.set(0);
        String refusedKey = keys.get(answers.indexOf(busy));
        Response again = place(alice, item, refusedKey);
        again.then().statusCode(201);
        assertThat(again.header("Idempotent-Replayed")).isNull();
        assertThat(database.queryForLong("select count(*) from orders")).isEqualTo(storedBefore + 3);
    }

    private static Response place(String buyer, CatalogueFixture item, String idempotencyKey) {
        return given().auth().oauth2(buyer).contentType(ContentType.JSON).header("Idempotency-Key", idempotencyKey)
                .body(item.order(1, null)).post("/api/orders");
    }
}
