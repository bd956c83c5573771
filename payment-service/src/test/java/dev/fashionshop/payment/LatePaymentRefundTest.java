package dev.fashionshop.payment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import dev.fashionshop.testsupport.ServiceTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Invariant 3 in the race DESIGN.md forbids: the provider approves a payment after order-service gave up
 * on the call, and the order's end (the buyer cancelled it while deferred, or it expired) reaches
 * payment-service while that payment is still being taken. The slow provider holds the payment in that
 * window while the test delivers the end; the payment must be refunded exactly once when it is recorded.
 */
@QuarkusTest
class LatePaymentRefundTest extends ServiceTest {

    /** Long enough for an event to be consumed while the provider is still deciding. */
    private static final int PROVIDER_LATENCY_MS = 2500;

    @AfterEach
    void healthyProvider() {
        given().auth().oauth2(tokens.operator()).contentType(ContentType.JSON)
                .body("{\"latencyMs\": 0, \"failureRate\": 0}").put("/admin/simulator").then().statusCode(200);
    }

    @RepeatedTest(3)
    void aPaymentApprovedAfterTheBuyerCancelledTheDeferredOrderIsRefundedOnce() {
        String orderId = UUID.randomUUID().toString();
        endedWhileItsPaymentIsTaken(orderId, "OrderCancelled",
                "{\"orderId\": \"" + orderId + "\", \"buyerId\": \"alice\", \"status\": \"CANCELLED\"}");
    }

    @RepeatedTest(2)
    void aPaymentApprovedAfterTheOrderExpiredIsRefundedOnce() {
        String orderId = UUID.randomUUID().toString();
        endedWhileItsPaymentIsTaken(orderId, "OrderExpired", "{\"orderId\": \"" + orderId + "\", \"buyerId\": \"alice\"}");
    }

    @Test
    void anEndedOrderWhosePaymentIsDeclinedIsNotRefunded() {
        String orderId = UUID.randomUUID().toString();
        String ended = kafka.sendEvent("orders", orderId, "OrderExpired", "{\"orderId\": \"" + orderId + "\"}");
        awaitProcessed(ended);

        pay(orderId, "tok_declined").then().statusCode(201);

        assertThat(events(orderId, "PaymentDeclined")).isEqualTo(1);
        assertThat(events(orderId, "PaymentRefunded")).isZero();
    }

    private void endedWhileItsPaymentIsTaken(String orderId, String endEvent, String endData) {
        slowProvider();
        CompletableFuture<Response> payment = CompletableFuture.supplyAsync(() -> pay(orderId, null));
        Awaitility.await().until(this::providerIsDeciding);

        String ended = kafka.sendEvent("orders", orderId, endEvent, endData);
        awaitProcessed(ended);
        // the interleaving is the one wanted only if the end came before the payment was recorded
        assertThat(database.queryForLong("select count(*) from payment where order_id = ?::uuid", orderId)).isZero();

        Response answer = payment.join();
        answer.then().statusCode(201);
        Awaitility.await().until(() -> database.queryForLong(
                "select count(*) from payment where order_id = ?::uuid and status = 'REFUNDED'", orderId) == 1);
        assertThat(events(orderId, "PaymentApproved")).isEqualTo(1);
        assertThat(events(orderId, "PaymentRefunded")).isEqualTo(1);

        // the same end delivered again, as Kafka may, changes nothing
        awaitProcessed(kafka.sendEvent("orders", orderId, endEvent, endData));
        assertThat(events(orderId, "PaymentRefunded")).isEqualTo(1);
    }

    private void slowProvider() {
        given().auth().oauth2(tokens.operator()).contentType(ContentType.JSON)
                .body("{\"latencyMs\": " + PROVIDER_LATENCY_MS + ", \"failureRate\": 0}").put("/admin/simulator")
                .then().statusCode(200);
    }

    private boolean providerIsDeciding() {
        return given().auth().oauth2(tokens.operator()).get("/admin/simulator/activity").<Integer> path("authorizing") > 0;
    }

    private Response pay(String orderId, String token) {
        return given().auth().oauth2(tokens.buyer("alice")).contentType(ContentType.JSON)
                .body(PaymentResourceTest.payment(orderId, token)).post("/payments");
    }

    private long events(String orderId, String type) {
        return database.queryForLong("select count(*) from outbox_event where record_key = ? and type = ?", orderId, type);
    }

    private void awaitProcessed(String eventId) {
        Awaitility.await().until(() -> database.queryForLong(
                "select count(*) from processed_event where event_id = ?", eventId) == 1);
    }
}
