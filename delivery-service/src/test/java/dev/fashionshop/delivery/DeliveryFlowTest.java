package dev.fashionshop.delivery;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import dev.fashionshop.testsupport.KafkaTestClient;
import dev.fashionshop.testsupport.ServiceTest;
import io.quarkus.test.junit.QuarkusTest;

/** An accepted order starts a delivery; the owner marks it delivered. */
@QuarkusTest
class DeliveryFlowTest extends ServiceTest {

    static String storeAccepted(String orderId) {
        return """
                {"orderId": "%s", "buyerId": "alice", "shippingAddress": "1 Rue de la Paix, Paris",
                 "lines": [{"itemId": "%s", "sku": "TEE-M", "quantity": 1, "unitPrice": 2500}]}"""
                .formatted(orderId, UUID.randomUUID());
    }

    @Test
    void anAcceptedOrderStartsADeliveryThatTheOwnerCompletes() {
        String orderId = UUID.randomUUID().toString();
        kafka.sendEvent("store-orders", orderId, "StoreAccepted", storeAccepted(orderId));

        ConsumerRecord<String, String> started = kafka.awaitRecord("deliveries", r -> orderId.equals(r.key()));
        assertThat(KafkaTestClient.header(started, "ce_type")).isEqualTo("DeliveryStarted");
        assertThat(started.value()).contains("\"status\":\"STARTED\"", "1 Rue de la Paix");
        String deliveryId = given().auth().oauth2(tokens.owner()).queryParam("status", "STARTED").get("/api/deliveries")
                .then().statusCode(200).extract().jsonPath()
                .getString("find { it.orderId == '" + orderId + "' }.id");

        given().auth().oauth2(tokens.owner()).post("/api/deliveries/{id}/complete", deliveryId)
                .then().statusCode(200).body("status", is("COMPLETED"));
        ConsumerRecord<String, String> completed = kafka.awaitRecord("deliveries",
                r -> orderId.equals(r.key()) && "DeliveryCompleted".equals(KafkaTestClient.header(r, "ce_type")));
        assertThat(completed.value()).contains(deliveryId);

        given().auth().oauth2(tokens.owner()).post("/api/deliveries/{id}/complete", deliveryId)
                .then().statusCode(409).body("currentState", is("COMPLETED"));
        given().auth().oauth2(tokens.owner()).queryParam("orderId", orderId).get("/api/deliveries")
                .then().statusCode(200).body("id", org.hamcrest.Matchers.contains(deliveryId))
                .body("status", org.hamcrest.Matchers.contains("COMPLETED"));
    }

    @Test
    void aCancelledOrderStopsItsDeliveryButNotOneAlreadyCompleted() {
        String underWay = UUID.randomUUID().toString();
        String delivered = UUID.randomUUID().toString();
        kafka.sendEvent("store-orders", underWay, "StoreAccepted", storeAccepted(underWay));
        kafka.sendEvent("store-orders", delivered, "StoreAccepted", storeAccepted(delivered));
        Awaitility.await().until(() -> database.queryForLong(
                "select count(*) from delivery where order_id in (?::uuid, ?::uuid)", underWay, delivered) == 2);
        String deliveredId = given().auth().oauth2(tokens.owner()).queryParam("orderId", delivered).get("/api/deliveries")
                .then().extract().path("[0].id");
        given().auth().oauth2(tokens.owner()).post("/api/deliveries/{id}/complete", deliveredId).then().statusCode(200);

        kafka.sendEvent("store-orders", underWay, "StoreCancelled", "{\"orderId\": \"" + underWay + "\"}");
        String last = kafka.sendEvent("store-orders", delivered, "StoreCancelled", "{\"orderId\": \"" + delivered + "\"}");

        ConsumerRecord<String, String> cancelled = kafka.awaitRecord("deliveries",
                r -> underWay.equals(r.key()) && "DeliveryCancelled".equals(KafkaTestClient.header(r, "ce_type")));
        assertThat(cancelled.value()).contains("\"status\":\"CANCELLED\"");
        Awaitility.await().until(() -> database.queryForLong("select count(*) from processed_event where event_id = ?", last) == 1);
        assertThat(database.queryForLong("select count(*) from delivery where order_id = ?::uuid and status = 'COMPLETED'",
                delivered)).isEqualTo(1);
    }

    @Test
    void anOrderAcceptedTwiceStartsOneDelivery() {
        String orderId = UUID.randomUUID().toString();
        kafka.sendEvent("store-orders", orderId, "StoreAccepted", storeAccepted(orderId));
        String second = kafka.sendEvent("store-orders", orderId, "StoreAccepted", storeAccepted(orderId));

        Awaitility.await().until(() -> database.queryForLong("select count(*) from processed_event where event_id = ?", second) == 1);
        assertThat(database.queryForLong("select count(*) from delivery where order_id = ?::uuid", orderId)).isEqualTo(1);
    }

    @Test
    void onlyTheOwnerHandlesDeliveries() {
        given().auth().oauth2(tokens.buyer("alice")).get("/api/deliveries").then().statusCode(403);
        given().post("/api/deliveries/{id}/complete", UUID.randomUUID()).then().statusCode(401);
        given().auth().oauth2(tokens.owner()).post("/api/deliveries/{id}/complete", UUID.randomUUID())
                .then().statusCode(404);
    }
}
