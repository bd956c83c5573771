package dev.fashionshop.payment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import dev.fashionshop.testsupport.KafkaTestClient;
import dev.fashionshop.testsupport.ServiceTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** An order the store cancelled or rejected gets its approved payment back, exactly once. */
@QuarkusTest
class RefundTest extends ServiceTest {

    @Test
    void aCancelledOrderIsRefundedOnceHoweverOftenTheStoreSaysSo() {
        String orderId = pay(null);

        kafka.sendEvent("store-orders", orderId, "StoreCancelled", "{\"orderId\": \"" + orderId + "\"}");
        String again = kafka.sendEvent("store-orders", orderId, "StoreCancelled", "{\"orderId\": \"" + orderId + "\"}");
        awaitProcessed(again);

        ConsumerRecord<String, String> refunded = kafka.awaitRecord("payments",
                r -> orderId.equals(r.key()) && "PaymentRefunded".equals(KafkaTestClient.header(r, "ce_type")));
        assertThat(refunded.value()).contains("\"status\":\"REFUNDED\"", "\"amount\":5000");
        assertThat(database.queryForLong(
                "select count(*) from outbox_event where record_key = ? and type = 'PaymentRefunded'", orderId)).isEqualTo(1);
        assertThat(database.queryForLong(
                "select count(*) from payment where order_id = ?::uuid and status = 'REFUNDED'", orderId)).isEqualTo(1);
    }

    @Test
    void aRejectedOrderIsRefundedButADeclinedPaymentIsNot() {
        String rejected = pay(null);
        String declined = pay("tok_declined");

        kafka.sendEvent("store-orders", rejected, "StoreRejected", "{\"orderId\": \"" + rejected + "\"}");
        String last = kafka.sendEvent("store-orders", declined, "StoreCancelled", "{\"orderId\": \"" + declined + "\"}");
        awaitProcessed(last);

        Awaitility.await().until(() -> database.queryForLong(
                "select count(*) from payment where order_id = ?::uuid and status = 'REFUNDED'", rejected) == 1);
        assertThat(database.queryForLong(
                "select count(*) from outbox_event where record_key = ? and type = 'PaymentRefunded'", declined)).isZero();
    }

    @Test
    void anOrderThatExpiredOrWasCancelledUnpaidIsRefundedIfThePaymentWentThroughAfterAll() {
        String expired = pay(null);
        String cancelledUnpaid = pay(null);
        String cancelRequested = pay(null);

        kafka.sendEvent("orders", expired, "OrderExpired", "{\"orderId\": \"" + expired + "\"}");
        kafka.sendEvent("orders", cancelledUnpaid, "OrderCancelled",
                "{\"orderId\": \"" + cancelledUnpaid + "\", \"status\": \"CANCELLED\"}");
        // a paid order's cancellation waits for the store: no refund yet
        String last = kafka.sendEvent("orders", cancelRequested, "OrderCancelled",
                "{\"orderId\": \"" + cancelRequested + "\", \"status\": \"CANCEL_REQUESTED\"}");
        awaitProcessed(last);

        Awaitility.await().until(() -> database.queryForLong(
                "select count(*) from payment where order_id in (?::uuid, ?::uuid) and status = 'REFUNDED'",
                expired, cancelledUnpaid) == 2);
        assertThat(database.queryForLong(
                "select count(*) from payment where order_id = ?::uuid and status = 'APPROVED'", cancelRequested)).isEqualTo(1);
    }

    private String pay(String token) {
        String orderId = UUID.randomUUID().toString();
        given().auth().oauth2(tokens.buyer("alice")).contentType(ContentType.JSON)
                .body(PaymentResourceTest.payment(orderId, token))
                .when().post("/payments").then().statusCode(201);
        return orderId;
    }

    private void awaitProcessed(String eventId) {
        Awaitility.await().until(() -> database.queryForLong(
                "select count(*) from processed_event where event_id = ?", eventId) == 1);
    }
}
