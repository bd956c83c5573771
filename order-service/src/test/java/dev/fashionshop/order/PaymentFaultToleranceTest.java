package dev.fashionshop.order;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.fashionshop.order.client.PaymentGateway;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.smallrye.faulttolerance.api.CircuitBreakerState;

/**
 * The payment call's guards against a failing or slow payment-service (the stub): the breaker opens
 * after the configured window of failures, answers at once without calling payment-service while open,
 * closes again once payments work, and a deferred order is paid later. (%test: timeout 600 ms, window 4
 * calls, open for 2 s.)
 */
@QuarkusTest
class PaymentFaultToleranceTest extends OrderServiceTest {

    @Inject
    MeterRegistry meters;

    private CatalogueFixture item;
    private String alice;

    @BeforeEach
    void anItemInTheCatalogue() {
        item = CatalogueFixture.registered(kafka, database, 1000);
        alice = tokens.buyer("alice");
    }

    @Test
    void aFailingPaymentServiceOpensTheBreakerWhichAnswersWithoutCallingItAndClosesAfterRecovery() {
        PaymentServiceStub.FAILING.set(true);

        // within the window of 4 calls (each attempt retried once), half failing opens the breaker
        for (int i = 0; i < 2; i++) {
            place().then().statusCode(503);
        }
        assertThat(breakers.currentState(PaymentGateway.BREAKER)).isEqualTo(CircuitBreakerState.OPEN);

        int callsBefore = PaymentServiceStub.CALLS.get();
        double shortCircuitedBefore = deferrals("circuit_open");
        long begin = System.nanoTime();
        Response fastAnswer = place();
        long tookMillis = (System.nanoTime() - begin) / 1_000_000;
        fastAnswer.then().statusCode(503).header("Retry-After", notNullValue())
                .body("orderStatus", is("PAYMENT_DEFERRED")).body("detail", containsString("pay it a little later"));
        assertThat(PaymentServiceStub.CALLS.get()).as("calls that reached payment-service while open").isEqualTo(callsBefore);
        assertThat(tookMillis).as("answered without waiting for the 600 ms timeout").isLessThan(600);
        assertThat(deferrals("circuit_open")).as("deferred because the breaker is open").isEqualTo(shortCircuitedBefore + 1);

        // payment-service recovers; after the breaker's delay the trial calls go through and close it
        PaymentServiceStub.FAILING.set(false);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> place().statusCode() == 201);
        place().then().statusCode(201);
        assertThat(breakers.currentState(PaymentGateway.BREAKER)).isEqualTo(CircuitBreakerState.CLOSED);
    }

    @Test
    void aSlowPaymentServiceTimesOutAndTheOrderIsDeferred() {
        PaymentServiceStub.LATENCY_MS.set(2_000);
        double timedOutBefore = deferrals("timeout");
        double deferredBefore = orders("deferred");

        place().then().statusCode(503).body("orderStatus", is("PAYMENT_DEFERRED"));
        assertThat(deferrals("timeout")).isEqualTo(timedOutBefore + 1);
        assertThat(orders("deferred")).isEqualTo(deferredBefore + 1);
    }

    @Test
    void aDeferredOrderIsPaidLaterAndReachesTheStoreOnce() {
        PaymentServiceStub.FAILING.set(true);
        String id = place().then().statusCode(503).extract().path("orderId");
        given().auth().oauth2(alice).get("/api/orders/{id}", id).then().body("status", is("PAYMENT_DEFERRED"));

        // still unavailable: deferred again
        given().auth().oauth2(alice).contentType(ContentType.JSON).body("{}").post("/api/orders/{id}/payment", id)
                .then().statusCode(503).body("orderStatus", is("PAYMENT_DEFERRED"));
        PaymentServiceStub.FAILING.set(false);
        breakers.resetAll();

        // no body at all, as curl -X POST sends it
        given().auth().oauth2(alice).post("/api/orders/{id}/payment", id)
                .then().statusCode(200).body("status", is("PAID"));
        given().auth().oauth2(alice).contentType(ContentType.JSON).body("{}").post("/api/orders/{id}/payment", id)
                .then().statusCode(409).body("currentState", is("PAID"));
        given().auth().oauth2(tokens.buyer("bob")).contentType(ContentType.JSON).body("{}").post("/api/orders/{id}/payment", id)
                .then().statusCode(404);
        Awaitility.await().until(() -> database.queryForLong(
                "select count(*) from outbox_event where record_key = ? and type = 'OrderPlaced' and published_at is not null", id) == 1);
    }

    /**
     * The call timed out, but payment-service declined the payment: its PaymentDeclined ends the deferred order,
     * as paying again would have (payment-service answers its first result), and the buyer can no longer pay it.
     */
    @Test
    void aDeferredOrderWhosePaymentWasDeclinedAfterAllEndsDeclined() {
        PaymentServiceStub.FAILING.set(true);
        String id = place().then().statusCode(503).extract().path("orderId");
        PaymentServiceStub.FAILING.set(false);
        double declinedBefore = orders("declined");

        kafka.sendEvent("payments", id, "PaymentDeclined", "{\"orderId\": \"" + id + "\", \"buyerId\": \"alice\"}");
        Awaitility.await().untilAsserted(() -> given().auth().oauth2(alice).get("/api/orders/{id}", id)
                .then().statusCode(200).body("status", is("PAYMENT_DECLINED")));
        assertThat(orders("declined")).isEqualTo(declinedBefore + 1);
        given().auth().oauth2(alice).contentType(ContentType.JSON).body("{}").post("/api/orders/{id}/payment", id)
                .then().statusCode(409).body("currentState", is("PAYMENT_DECLINED"));
    }

    @Test
    void aPaymentWhoseAnswerWasLostIsAskedAgainAndChargedOnce() {
        String id = given().auth().oauth2(alice).contentType(ContentType.JSON).body(item.order(1, "tok_lost_answer"))
                .post("/api/orders").then().statusCode(201).body("status", is("PAID")).extract().path("id");

        // the first attempt timed out after the stub took the payment; the retry got the same payment
        assertThat(PaymentServiceStub.CALLS_PER_ORDER.get(id).get()).isEqualTo(2);
        assertThat(database.queryForLong("select count(*) from orders where id = ?::uuid and payment_id is not null", id))
                .isEqualTo(1);
    }

    @Test
    void anAnswerForAnOrderDeferredDuringItsPaymentIsNotApplied() throws Exception {
        PaymentServiceStub.LATENCY_MS.set(400);
        String since = database.queryForString("select now()::text");
        CompletableFuture<Response> answer = CompletableFuture.supplyAsync(this::place);

        // the payment is being asked for: the order is stored PAYMENT_PENDING; the sweep defers it meanwhile
        String pending = "from orders where status = 'PAYMENT_PENDING' and created_at >= ?::timestamptz";
        Awaitility.await().until(() -> database.queryForLong("select count(*) " + pending, since) == 1);
        String id = database.queryForString("select id::text " + pending, since);
        database.update("update orders set status = 'PAYMENT_DEFERRED', version = version + 1 where id = ?::uuid", id);

        answer.get(10, TimeUnit.SECONDS).then().statusCode(503).body("orderId", is(id))
                .body("orderStatus", is("PAYMENT_DEFERRED"));
        assertThat(database.queryForLong("select count(*) from orders where id = ?::uuid and status = 'PAYMENT_DEFERRED' "
                + "and payment_id is null", id)).isEqualTo(1);
        assertThat(database.queryForLong("select count(*) from outbox_event where record_key = ? and type = 'OrderPlaced'", id))
                .isZero();
    }

    @Test
    void anOrderWhoseBuyerLeftDuringThePaymentIsStillSettledAndHandedToTheStore() throws Exception {
        PaymentServiceStub.LATENCY_MS.set(400);
        String since = database.queryForString("select now()::text");
        String pending = "from orders where status = 'PAYMENT_PENDING' and created_at >= ?::timestamptz";

        try (Socket buyer = new Socket("localhost", RestAssured.port)) {
            byte[] body = item.order(1, null).getBytes(StandardCharsets.UTF_8);
            OutputStream out = buyer.getOutputStream();
            out.write(("POST /api/orders HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + alice
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            // the order is stored and its payment asked for; the buyer closes the connection before the answer
            Awaitility.await().until(() -> database.queryForLong("select count(*) " + pending, since) == 1);
        }
        String id = database.queryForString("select id::text from orders where created_at >= ?::timestamptz", since);

        Awaitility.await().until(() -> database.queryForLong(
                "select count(*) from orders where id = ?::uuid and status = 'PAID' and payment_id is not null", id) == 1);
        Awaitility.await().until(() -> database.queryForLong(
                "select count(*) from outbox_event where record_key = ? and type = 'OrderPlaced'", id) == 1);
    }

    private double deferrals(String reason) {
        return meters.get("shop.payment.deferrals").tag("reason", reason).counter().count();
    }

    private double orders(String outcome) {
        return meters.get("shop.orders").tag("outcome", outcome).counter().count();
    }

    private Response place() {
        return given().auth().oauth2(alice).contentType(ContentType.JSON).body(item.order(1, null)).post("/api/orders");
    }
}
