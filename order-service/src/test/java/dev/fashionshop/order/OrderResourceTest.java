package dev.fashionshop.order;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.fashionshop.testsupport.KafkaTestClient;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class OrderResourceTest extends OrderServiceTest {

    String itemId;
    String sku;
    CatalogueFixture item;

    @BeforeEach
    void anItemInTheCatalogue() {
        item = CatalogueFixture.registered(kafka, database, 5);
        itemId = item.itemId();
        sku = item.sku();
    }

    String order(int quantity, String paymentToken) {
        return item.order(quantity, paymentToken);
    }

    @Test
    void aPaidOrderIsPricedFromTheCatalogueAndHandedToTheStore() {
        String alice = tokens.buyer("alice");
        String id = given().auth().oauth2(alice).contentType(ContentType.JSON).body(order(2, null))
                .when().post("/api/orders")
                .then().statusCode(201)
                .header("Location", notNullValue())
                .body("status", is("PAID"))
                .body("totalAmount", is(5000))
                .body("currency", is("EUR"))
                .body("lines[0].unitPrice", is(2500))
                .extract().path("id");

        assertThat(PaymentServiceStub.AUTHORIZATIONS).contains("Bearer " + alice);
        ConsumerRecord<String, String> placed = kafka.awaitRecord("orders", r -> id.equals(r.key()));
        assertThat(KafkaTestClient.header(placed, "ce_type")).isEqualTo("OrderPlaced");
        assertThat(placed.value()).contains("\"buyerId\":\"alice\"", "\"totalAmount\":5000", sku, "paymentId");
        given().auth().oauth2(alice).get("/api/orders/{id}", id).then().statusCode(200).body("status", is("PAID"));
    }

    @Test
    void aDeclinedPaymentIs402AndNothingReachesTheStore() {
        String id = given().auth().oauth2(tokens.buyer("alice")).contentType(ContentType.JSON).body(order(1, "tok_declined"))
                .when().post("/api/orders")
                .then().statusCode(402)
                .contentType("application/problem+json")
                .body("status", is(402))
                .body("orderStatus", is("PAYMENT_DECLINED"))
                .body("orderId", notNullValue())
                .extract().path("orderId");

        given().auth().oauth2(tokens.buyer("alice")).get("/api/orders/{id}", id)
                .then().statusCode(200).body("status", is("PAYMENT_DECLINED"));
        assertThat(database.queryForLong("select count(*) from outbox_event where record_key = ?", id)).isZero();
    }

    @Test
    void anUnavailablePaymentDefersTheOrderAndAsksToPayLater() {
        String id = given().auth().oauth2(tokens.buyer("alice")).contentType(ContentType.JSON).body(order(1, "tok_unavailable"))
                .when().post("/api/orders")
                .then().statusCode(503)
                .header("Retry-After", notNullValue())
                .body("status", is(503))
                .body("orderId", notNullValue())
                .extract().path("orderId");

        given().auth().oauth2(tokens.buyer("alice")).get("/api/orders/{id}", id)
                .then().statusCode(200).body("status", is("PAYMENT_DEFERRED"));
        assertThat(database.queryForLong(
                "select count(*) from outbox_event where record_key = ? and type = 'OrderPlaced'", id)).isZero();
    }

    @Test
    void anOrderThatDoesNotMatchTheCatalogueIs400AndStoresNothing() {
        long before = database.queryForLong("select count(*) from orders");
        String alice = tokens.buyer("alice");
        String[] bad = {
                "{\"lines\": [{\"itemId\": \"%s\", \"sku\": \"%s\", \"quantity\": 1}], \"shippingAddress\": \"x\"}"
                        .formatted(UUID.randomUUID(), sku),
                "{\"lines\": [{\"itemId\": \"%s\", \"sku\": \"NOPE\", \"quantity\": 1}], \"shippingAddress\": \"x\"}"
                        .formatted(itemId),
                order(0, null),
                order(1000, null),
                order(6, null),
                "{\"lines\": [], \"shippingAddress\": \"x\"}",
                "{\"lines\": [{\"itemId\": \"%s\", \"sku\": \"%s\", \"quantity\": 1}]}".formatted(itemId, sku),
                "{\"lines\": [{\"itemId\": \"not-a-uuid\", \"sku\": \"%s\", \"quantity\": 1}], \"shippingAddress\": \"x\"}"
                        .formatted(sku),
                "[]" };
        for (String body : bad) {
            given().auth().oauth2(alice).contentType(ContentType.JSON).body(body)
                    .when().post("/api/orders")
                    .then().statusCode(400).contentType("application/problem+json").body("status", is(400));
        }
        assertThat(database.queryForLong("select count(*) from orders")).isEqualTo(before);
    }

    @Test
    void theReplicaFollowsStockChanges() {
        kafka.sendEvent("items", itemId, "StockChanged",
                "{\"itemId\": \"%s\", \"sku\": \"%s\", \"stock\": 1}".formatted(itemId, sku));
        Awaitility.await().until(() -> database.queryForLong("select stock from catalogue_variant where sku = ?", sku) == 1);

        given().auth().oauth2(tokens.buyer("alice")).contentType(ContentType.JSON).body(order(2, null))
                .when().post("/api/orders")
                .then().statusCode(400).body("violations.message", hasItem("only 1 in stock"));
    }

    @Test
    void anOrderIsItsBuyersOnly() {
        String id = given().auth().oauth2(tokens.buyer("alice")).contentType(ContentType.JSON).body(order(1, null))
                .when().post("/api/orders").then().statusCode(201).extract().path("id");

        given().auth().oauth2(tokens.buyer("bob")).get("/api/orders/{id}", id).then().statusCode(404);
        given().get("/api/orders/{id}", id).then().statusCode(401);
        given().auth().oauth2(tokens.owner()).contentType(ContentType.JSON).body(order(1, null))
                .when().post("/api/orders").then().statusCode(403);
    }

    @Test
    void theOrderFollowsTheSagaAndIgnoresALateEvent() {
        String alice = tokens.buyer("alice");
        String id = given().auth().oauth2(alice).contentType(ContentType.JSON).body(order(1, null))
                .when().post("/api/orders").then().statusCode(201).extract().path("id");

        kafka.sendEvent("store-orders", id, "StoreAccepted", "{\"orderId\": \"" + id + "\"}");
        awaitStatus(alice, id, "ACCEPTED");
        kafka.sendEvent("deliveries", id, "DeliveryStarted", "{\"orderId\": \"" + id + "\"}");
        awaitStatus(alice, id, "SHIPPING");
        kafka.sendEvent("deliveries", id, "DeliveryCompleted", "{\"orderId\": \"" + id + "\"}");
        awaitStatus(alice, id, "DELIVERED");

        // a late StoreAccepted, then a late StoreRejected on the same partition: once the second is processed, so was the first
        kafka.sendEvent("store-orders", id, "StoreAccepted", "{\"orderId\": \"" + id + "\"}");
        String marker = kafka.sendEvent("store-orders", id, "StoreRejected", "{\"orderId\": \"" + id + "\"}");
        Awaitility.await().until(() -> database.queryForLong("select count(*) from processed_event where event_id = ?", marker) == 1);
        awaitStatus(alice, id, "DELIVERED");
    }

    private static void awaitStatus(String token, String id, String status) {
        Awaitility.await().untilAsserted(() -> given().auth().oauth2(token).get("/api/orders/{id}", id)
                .then().statusCode(200).body("status", is(status)));
    }
}
