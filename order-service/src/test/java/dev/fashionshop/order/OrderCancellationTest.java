package dev.fashionshop.order;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.fashionshop.testsupport.KafkaTestClient;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** The buyer cancels; order-service asks the store and ends CANCELLED once the payment was refunded. */
@QuarkusTest
class OrderCancellationTest extends OrderServiceTest {

    CatalogueFixture item;
    String alice;

    @BeforeEach
    void anItemInTheCatalogue() {
        item = CatalogueFixture.registered(kafka, database, 5);
        alice = tokens.buyer("alice");
    }

    @Test
    void aPaidOrderWaitsForTheStoreAndTheRefundThenIsCancelled() {
        String id = place(null, 201);

        given().auth().oauth2(alice).post("/api/orders/{id}/cancel", id)
                .then().statusCode(200).body("status", is("CANCEL_REQUESTED"));
        ConsumerRecord<String, String> cancelled = kafka.awaitRecord("orders",
                r -> id.equals(r.key()) && "OrderCancelled".equals(KafkaTestClient.header(r, "ce_type")));
        assertThat(cancelled.value()).contains("\"status\":\"CANCEL_REQUESTED\"", "\"buyerId\":\"alice\"");

        kafka.sendEvent("payments", id, "PaymentRefunded", "{\"orderId\": \"" + id + "\"}");
        awaitStatus(id, "CANCELLED");
    }

    @Test
    void anOrderNeverPaidIsCancelledAtOnce() {
        String id = place("tok_unavailable", 503);

        given().auth().oauth2(alice).post("/api/orders/{id}/cancel", id)
                .then().statusCode(200).body("status", is("CANCELLED"));
    }

    @Test
    void anOrderLeftUnpaidTooLongExpires() {
        String id = place("tok_unavailable", 503);
        // as if it had been deferred an hour ago (the shop waits shop.orders.deferred-expiry, 30 minutes)
        database.update("update orders set updated_at = now() - interval '1 hour' where id = ?::uuid", id);

        awaitStatus(id, "EXPIRED");
        ConsumerRecord<String, String> expired = kafka.awaitRecord("orders",
                r -> id.equals(r.key()) && "OrderExpired".equals(KafkaTestClient.header(r, "ce_type")));
        assertThat(expired.value()).contains("\"buyerId\":\"alice\"");
        given().auth().oauth2(alice).post("/api/orders/{id}/cancel", id)
                .then().statusCode(409).body("currentState", is("EXPIRED"));
    }

    @Test
    void anOrderWhosePaymentNeverSettledIsDeferredSoTheBuyerCanPayAgain() {
        String id = place(null, 201);
        // as if order-service had stopped two minutes ago between the payment call and its answer
        database.update("update orders set status = 'PAYMENT_PENDING', updated_at = now() - interval '2 minutes'"
                + " where id = ?::uuid", id);

        awaitStatus(id, "PAYMENT_DEFERRED");
        ConsumerRecord<String, String> deferred = kafka.awaitRecord("orders",
                r -> id.equals(r.key()) && "PaymentDeferred".equals(KafkaTestClient.header(r, "ce_type")));
        assertThat(deferred.value()).contains("payment outcome unknown");
    }

    @Test
    void aCancellationTheOwnerHasNotConfirmedWaitsForHimEvenIfTheCourierDelivers() {
        String id = place(null, 201);
        given().auth().oauth2(alice).post("/api/orders/{id}/cancel", id).then().statusCode(200);
        kafka.sendEvent("deliveries", id, "DeliveryStarted", "{}");
        String completed = kafka.sendEvent("deliveries", id, "DeliveryCompleted", "{}");
        Awaitility.await().until(() -> database.queryForLong(
                "select count(*) from processed_event where event_id = ?", completed) == 1);

        given().auth().oauth2(alice).get("/api/orders/{id}", id).then().body("status", is("CANCEL_REQUESTED"));
        kafka.sendEvent("payments", id, "PaymentRefunded", "{\"orderId\": \"" + id + "\"}");
        awaitStatus(id, "CANCELLED");
    }

    @Test
    void aDeliveredOrderCannotBeCancelled() {
        String id = place(null, 201);
        kafka.sendEvent("store-orders", id, "StoreAccepted", "{}");
        kafka.sendEvent("deliveries", id, "DeliveryStarted", "{}");
        kafka.sendEvent("deliveries", id, "DeliveryCompleted", "{}");
        awaitStatus(id, "DELIVERED");

        given().auth().oauth2(alice).post("/api/orders/{id}/cancel", id)
                .then().statusCode(409).contentType("application/problem+json")
                .body("currentState", is("DELIVERED")).body("orderId", is(id));
        assertThat(database.queryForLong(
                "select count(*) from outbox_event where record_key = ? and type = 'OrderCancelled'", id)).isZero();
    }

    @Test
    void cancellingTwiceIsRefusedAndAnotherBuyerCannotCancel() {
        String id = place(null, 201);

        given().auth().oauth2(tokens.buyer("bob")).post("/api/orders/{id}/cancel", id).then().statusCode(404);
        given().auth().oauth2(alice).post("/api/orders/{id}/cancel", id).then().statusCode(200);
        given().auth().oauth2(alice).post("/api/orders/{id}/cancel", id)
                .then().statusCode(409).body("currentState", is("CANCEL_REQUESTED"));
    }

    private String place(String paymentToken, int expectedStatus) {
        var response = given().auth().oauth2(alice).contentType(ContentType.JSON).body(item.order(1, paymentToken))
                .when().post("/api/orders")
                .then().statusCode(expectedStatus).extract();
        return expectedStatus == 201 ? response.path("id") : response.path("orderId");
    }

    private void awaitStatus(String id, String status) {
        Awaitility.await().untilAsserted(() -> given().auth().oauth2(alice).get("/api/orders/{id}", id)
                .then().statusCode(200).body("status", is(status)));
    }
}
