package dev.fashionshop.order;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * POST /api/orders with an Idempotency-Key (DESIGN.md, invariant 8): one key of one buyer is one order
 * and one charge, whatever the first answer was and however many requests carry it at once.
 */
@QuarkusTest
class IdempotencyKeyTest extends OrderServiceTest {

    private CatalogueFixture item;
    private String buyerId;
    private String buyer;

    @BeforeEach
    void aBuyerAndAnItem() {
        item = CatalogueFixture.registered(kafka, database, 1000);
        buyerId = "buyer-" + UUID.randomUUID();
        buyer = tokens.buyer(buyerId);
    }

    private Response post(String token, String key, String body) {
        var request = given().auth().oauth2(token).contentType(ContentType.JSON).body(body);
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.post("/api/orders");
    }

    private long ordersOf(String buyerId) {
        return database.queryForLong("select count(*) from orders where buyer_id = ?", buyerId);
    }

    @Test
    void theSameRequestAgainAnswersTheFirstAnswerAndCreatesNothing() {
        String key = UUID.randomUUID().toString();
        Response first = post(buyer, key, item.order(2, null));
        first.then().statusCode(201).header("Location", notNullValue()).header("Idempotent-Replayed", nullValue());

        Response again = post(buyer, key, item.order(2, null));

        again.then().statusCode(201).header("Idempotent-Replayed", "true")
                .header("Location", first.header("Location"))
                .contentType(ContentType.JSON);
        assertThat(again.asString()).isEqualTo(first.asString());
        assertThat(ordersOf(buyerId)).isEqualTo(1);
        String orderId = first.path("id");
        assertThat(PaymentServiceStub.CALLS_PER_ORDER.get(orderId)).hasValue(1);
    }

    @Test
    void aDeclinedFirstAnswerIsReplayedAsDeclined() {
        String key = UUID.randomUUID().toString();
        Response first = post(buyer, key, item.order(1, "tok_declined"));
        first.then().statusCode(402);

        post(buyer, key, item.order(1, "tok_declined")).then().statusCode(402)
                .contentType("application/problem+json")
                .body("orderId", is(first.<String> path("orderId")))
                .body("orderStatus", is("PAYMENT_DECLINED"));
        assertThat(ordersOf(buyerId)).isEqualTo(1);
    }

    @Test
    void aDeferredFirstAnswerIsReplayedAsDeferredEvenAfterTheOrderWasPaid() {
        String key = UUID.randomUUID().toString();
        Response first = post(buyer, key, item.order(1, "tok_unavailable"));
        first.then().statusCode(503).header("Retry-After", notNullValue());
        String orderId = first.path("orderId");
        given().auth().oauth2(buyer).post("/api/orders/{id}/payment", orderId).then().statusCode(200).body("status", is("PAID"));

        Response again = post(buyer, key, item.order(1, "tok_unavailable"));

        again.then().statusCode(503).header("Retry-After", first.header("Retry-After"))
                .header("Location", first.header("Location"))
                .body("orderId", is(orderId))
                .body("orderStatus", is("PAYMENT_DEFERRED"));
        assertThat(ordersOf(buyerId)).isEqualTo(1);
    }

    @Test
    void aRepeatAfterTheItemSoldOutStillAnswersTheFirstOrder() {
        String key = UUID.randomUUID().toString();
        Response first = post(buyer, key, item.order(2, null));
        first.then().statusCode(201);
        // the store sold the rest meanwhile: the same request without the key would now be a 400
        kafka.sendEvent("items", item.itemId(), "StockChanged",
                "{\"itemId\": \"%s\", \"sku\": \"%s\", \"stock\": 0}".formatted(item.itemId(), item.sku()));
        Awaitility.await().until(() -> database.queryForLong("select stock from catalogue_variant where sku = ?", item.sku()) == 0);
        post(buyer, null, item.order(2, null)).then().statusCode(400);

        Response again = post(buyer, key, item.order(2, null));

        again.then().statusCode(201).header("Idempotent-Replayed", "true").header("Location", first.header("Location"));
        assertThat(again.<String> path("id")).isEqualTo(first.path("id"));
        assertThat(ordersOf(buyerId)).isEqualTo(1);
    }

    @Test
    void theKeyWithAnotherRequestIs422AndCreatesNothing() {
        String key = UUID.randomUUID().toString();
        post(buyer, key, item.order(1, null)).then().statusCode(201);

        post(buyer, key, item.order(3, null)).then().statusCode(422)
                .contentType("application/problem+json")
                .body("status", is(422))
                .body("detail", containsString(key));
        assertThat(ordersOf(buyerId)).isEqualTo(1);
    }

    @Test
    void keysBelongToTheirBuyer() {
        String key = UUID.randomUUID().toString();
        String otherBuyerId = "buyer-" + UUID.randomUUID();
        String first = post(buyer, key, item.order(1, null)).then().statusCode(201).extract().path("id");

        String other = post(tokens.buyer(otherBuyerId), key, item.order(1, null)).then().statusCode(201)
                .header("Idempotent-Replayed", nullValue()).extract().path("id");

        assertThat(other).isNotEqualTo(first);
        assertThat(ordersOf(otherBuyerId)).isEqualTo(1);
    }

    @Test
    void twentyRequestsAtOnceWithOneKeyMakeOneOrderAndOnePayment() throws Exception {
        PaymentServiceStub.LATENCY_MS.set(300);
        String key = UUID.randomUUID().toString();
        String body = item.order(1, null);
        ExecutorService clients = Executors.newFixedThreadPool(20);
        try {
            List<Callable<Response>> requests = IntStream.range(0, 20)
                    .<Callable<Response>> mapToObj(i -> () -> post(buyer, key, body)).toList();
            List<Response> answers = clients.invokeAll(requests).stream().map(IdempotencyKeyTest::get).toList();

            assertThat(answers).extracting(Response::statusCode).allMatch(status -> status == 201 || status == 409);
            assertThat(answers.stream().filter(a -> a.statusCode() == 201).map(a -> a.<String> path("id")).distinct())
                    .hasSize(1);
            answers.stream().filter(a -> a.statusCode() == 409).forEach(a -> a.then()
                    .contentType("application/problem+json").header("Retry-After", notNullValue()));
        } finally {
            clients.shutdownNow();
        }
        assertThat(ordersOf(buyerId)).isEqualTo(1);
        String orderId = database.queryForString("select id::text from orders where buyer_id = ?", buyerId);
        assertThat(PaymentServiceStub.CALLS_PER_ORDER.get(orderId)).hasValue(1);
        // once the first is answered, a repeat gets its answer
        post(buyer, key, body).then().statusCode(201).body("id", is(orderId)).header("Idempotent-Replayed", "true");
    }

    @Test
    void anEmptyOverLongOrNonAsciiKeyIsBadInputAndCreatesNothing() {
        for (String key : List.of("", "k".repeat(256), "clé-ü", "tab\there")) {
            Response answer = post(buyer, key, item.order(1, null));
            assertThat(answer.statusCode()).as("answer to the key '%s'", key).isEqualTo(400);
            answer.then().contentType("application/problem+json")
                    .body("detail", containsString("Idempotency-Key"));
        }
        post(buyer, "k".repeat(255), item.order(1, null)).then().statusCode(201);
        assertThat(ordersOf(buyerId)).isEqualTo(1);
    }

    @Test
    void keysOlderThanTheRetentionAreForgotten() {
        String key = UUID.randomUUID().toString();
        String first = post(buyer, key, item.order(1, null)).then().statusCode(201).extract().path("id");
        database.update("update idempotency_key set created_at = now() - interval '25 hours' where caller = ? and idem_key = ?",
                buyerId, key);

        Awaitility.await().until(() -> database.queryForLong(
                "select count(*) from idempotency_key where caller = ? and idem_key = ?", buyerId, key) == 0);

        String second = post(buyer, key, item.order(1, null)).then().statusCode(201).extract().path("id");
        assertThat(second).isNotEqualTo(first);
    }

    private static Response get(Future<Response> answer) {
        try {
            return answer.get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
