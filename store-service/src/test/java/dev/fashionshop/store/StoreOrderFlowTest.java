package dev.fashionshop.store;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import dev.fashionshop.testsupport.KafkaTestClient;
import dev.fashionshop.testsupport.ServiceTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** A paid order reaches the store over Kafka, stock is reserved, the owner accepts it. */
@QuarkusTest
class StoreOrderFlowTest extends ServiceTest {

    static String orderPlaced(String orderId, String sku, int quantity) {
        return """
                {"orderId": "%s", "buyerId": "alice", "totalAmount": %d, "currency": "EUR",
                 "shippingAddress": "1 Rue de la Paix, Paris",
                 "lines": [{"itemId": "%s", "sku": "%s", "quantity": %d, "unitPrice": 2500}]}"""
                .formatted(orderId, 2500 * quantity, UUID.randomUUID(), sku, quantity);
    }

    @Test
    void aPaidOrderReservesStockAndWaitsForTheOwnerWhoAcceptsIt() {
        String sku = "TEE-" + UUID.randomUUID();
        String itemId = register(sku, 5);
        String orderId = UUID.randomUUID().toString();

        kafka.sendEvent("orders", orderId, "OrderPlaced", orderPlaced(orderId, sku, 2));

        Awaitility.await().untilAsserted(() -> given().auth().oauth2(tokens.owner())
                .get("/api/store/orders/{id}", orderId).then().statusCode(200).body("status", is("RECEIVED")));
        assertThat(database.queryForLong("select stock from variant where sku = ?", sku)).isEqualTo(3);
        ConsumerRecord<String, String> stock = kafka.awaitRecord("items",
                r -> itemId.equals(r.key()) && r.value().contains(orderId));
        assertThat(KafkaTestClient.header(stock, "ce_type")).isEqualTo("StockChanged");
        assertThat(stock.value()).contains("\"stock\":3");

        given().auth().oauth2(tokens.owner()).post("/api/store/orders/{id}/accept", orderId)
                .then().statusCode(200).body("status", is("ACCEPTED"));
        ConsumerRecord<String, String> accepted = kafka.awaitRecord("store-orders",
                r -> orderId.equals(r.key()) && "StoreAccepted".equals(KafkaTestClient.header(r, "ce_type")));
        assertThat(accepted.value()).contains("1 Rue de la Paix", sku);

        given().auth().oauth2(tokens.owner()).post("/api/store/orders/{id}/accept", orderId)
                .then().statusCode(409).contentType("application/problem+json")
                .body("currentState", is("ACCEPTED")).body("orderId", is(orderId));
    }

    @Test
    void aPaidOrderWhoseStockIsReservedIsAnnouncedAsReceivedOnce() {
        String sku = "TEE-" + UUID.randomUUID();
        register(sku, 5);
        String orderId = UUID.randomUUID().toString();

        kafka.sendEvent("orders", orderId, "OrderPlaced", orderPlaced(orderId, sku, 2));

        // the first event of the order on store-orders: the store has it, before the owner did anything
        ConsumerRecord<String, String> received = kafka.awaitRecord("store-orders", r -> orderId.equals(r.key()));
        assertThat(KafkaTestClient.header(received, "ce_type")).isEqualTo("StoreReceived");
        assertThat(KafkaTestClient.header(received, "ce_source")).isEqualTo("store-service");
        JsonPath data = JsonPath.from(received.value());
        assertThat(data.getString("orderId")).isEqualTo(orderId);
        assertThat(data.getString("buyerId")).isEqualTo("alice");
        assertThat(data.getString("lines[0].sku")).isEqualTo(sku);
        assertThat(data.getInt("lines[0].quantity")).isEqualTo(2);
        assertThat(data.getLong("lines[0].unitPrice")).isEqualTo(2500);
        assertThat(Instant.parse(data.getString("receivedAt"))).isBefore(Instant.now());
        assertThat(database.queryForLong("select stock from variant where sku = ?", sku)).isEqualTo(3);

        // the same order placed again (a second OrderPlaced) is known already: nothing is reserved or announced again
        String again = kafka.sendEvent("orders", orderId, "OrderPlaced", orderPlaced(orderId, sku, 2));
        Awaitility.await().until(() -> database.queryForLong("select count(*) from processed_event where event_id = ?", again) == 1);
        assertThat(database.queryForLong(
                "select count(*) from outbox_event where record_key = ? and type = 'StoreReceived'", orderId)).isEqualTo(1);
        assertThat(database.queryForLong("select stock from variant where sku = ?", sku)).isEqualTo(3);
    }

    @Test
    void aCancellationWaitsForTheOwnerAndGivesTheStockBackOnce() {
        String sku = "TEE-" + UUID.randomUUID();
        register(sku, 5);
        String orderId = UUID.randomUUID().toString();
        kafka.sendEvent("orders", orderId, "OrderPlaced", orderPlaced(orderId, sku, 2));
        Awaitility.await().until(() -> database.queryForLong("select stock from variant where sku = ?", sku) == 3);

        given().auth().oauth2(tokens.owner()).post("/api/store/orders/{id}/confirm-cancel", orderId)
                .then().statusCode(409).body("currentState", is("RECEIVED"));
        kafka.sendEvent("orders", orderId, "OrderCancelled", "{\"orderId\": \"" + orderId + "\"}");
        Awaitility.await().untilAsserted(() -> given().auth().oauth2(tokens.owner())
                .queryParam("status", "CANCEL_REQUESTED").get("/api/store/orders")
                .then().statusCode(200).body("orderId", org.hamcrest.Matchers.hasItem(orderId)));

        given().auth().oauth2(tokens.owner()).post("/api/store/orders/{id}/confirm-cancel", orderId)
                .then().statusCode(200).body("status", is("CANCELLED"));
        assertThat(database.queryForLong("select stock from variant where sku = ?", sku)).isEqualTo(5);
        ConsumerRecord<String, String> cancelled = kafka.awaitRecord("store-orders",
                r -> orderId.equals(r.key()) && "StoreCancelled".equals(KafkaTestClient.header(r, "ce_type")));
        assertThat(cancelled.value()).contains("\"buyerId\":\"alice\"");

        given().auth().oauth2(tokens.owner()).post("/api/store/orders/{id}/confirm-cancel", orderId)
                .then().statusCode(409).body("currentState", is("CANCELLED"));
        assertThat(database.queryForLong("select stock from variant where sku = ?", sku)).isEqualTo(5);
        // the ledger explains the stock: registered 5, reserved 2, released 2
        assertThat(database.queryForLong("select sum(quantity) from stock_movement where sku = ?", sku)).isEqualTo(5);
        assertThat(database.queryForLong(
                "select count(*) from stock_movement where order_id = ?::uuid and reason = 'RESERVED' and quantity = -2", orderId))
                .isEqualTo(1);
        assertThat(database.queryForLong(
                "select count(*) from stock_movement where order_id = ?::uuid and reason = 'RELEASED' and quantity = 2", orderId))
                .isEqualTo(1);
    }

    /**
     * The consumer reserves and the owner releases the same variant at once: whichever writes second finds
     * the variant's version moved and tries again (the consumer by itself, the owner after a 409 saying so),
     * so that no change of the stock is lost, and no answer is a 500.
     */
    @Test
    void reservationsAndReleasesOfOneVariantAtOnceLoseNoChangeOfItsStock() throws Exception {
        String sku = "TEE-" + UUID.randomUUID();
        register(sku, 1000);
        List<String> cancelling = newOrderIds(10);
        for (String orderId : cancelling) {
            kafka.sendEvent("orders", orderId, "OrderPlaced", orderPlaced(orderId, sku, 1));
            kafka.sendEvent("orders", orderId, "OrderCancelled", "{\"orderId\": \"" + orderId + "\"}");
        }
        Awaitility.await().until(() -> storeOrders(cancelling, "CANCEL_REQUESTED") == cancelling.size());

        List<String> placing = newOrderIds(30);
        ExecutorService owner = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> confirmations = cancelling.stream().map(orderId -> owner.submit(() -> Awaitility.await()
                    .until(() -> confirmedOrToldToRetry(orderId))))
                    .collect(Collectors.toList());
            placing.forEach(orderId -> kafka.sendEvent("orders", orderId, "OrderPlaced", orderPlaced(orderId, sku, 1)));
            for (Future<?> confirmation : confirmations) {
                confirmation.get(60, TimeUnit.SECONDS);
            }
        } finally {
            owner.shutdownNow();
        }
        Awaitility.await().until(() -> storeOrders(placing, "RECEIVED") == placing.size());

        assertThat(storeOrders(cancelling, "CANCELLED")).isEqualTo(cancelling.size());
        assertThat(database.queryForLong("select stock from variant where sku = ?", sku)).isEqualTo(1000 - placing.size());
        assertThat(database.queryForLong("select sum(quantity) from stock_movement where sku = ?", sku))
                .isEqualTo(1000 - placing.size());
    }

    /** True once confirmed; false for a 409 that asks to send it again; anything else fails the test. */
    private boolean confirmedOrToldToRetry(String orderId) {
        io.restassured.response.Response answer = given().auth().oauth2(tokens.owner())
                .post("/api/store/orders/{id}/confirm-cancel", orderId);
        if (answer.statusCode() == 409) {
            answer.then().contentType("application/problem+json").header("Retry-After", "1");
            return false;
        }
        answer.then().statusCode(200).body("status", is("CANCELLED"));
        return true;
    }

    private long storeOrders(List<String> orderIds, String status) {
        return database.queryForLong("select count(*) from store_order where status = ? and order_id = any(?::uuid[])",
                status, "{" + String.join(",", orderIds) + "}");
    }

    private static List<String> newOrderIds(int count) {
        return IntStream.range(0, count).mapToObj(i -> UUID.randomUUID().toString()).toList();
    }

    @Test
    void anOrderTheStockCannotSupplyIsRejectedAndReservesNothing() {
        String sku = "TEE-" + UUID.randomUUID();
        register(sku, 1);
        String orderId = UUID.randomUUID().toString();

        kafka.sendEvent("orders", orderId, "OrderPlaced", orderPlaced(orderId, sku, 2));

        // the first event of the order on store-orders: a rejected order is never announced as received
        ConsumerRecord<String, String> rejected = kafka.awaitRecord("store-orders", r -> orderId.equals(r.key()));
        assertThat(KafkaTestClient.header(rejected, "ce_type")).isEqualTo("StoreRejected");
        assertThat(rejected.value()).contains("only 1 of " + sku);
        assertThat(database.queryForLong("select stock from variant where sku = ?", sku)).isEqualTo(1);
        assertThat(database.queryForLong("select count(*) from stock_movement where order_id = ?::uuid", orderId)).isZero();
        given().auth().oauth2(tokens.owner()).get("/api/store/orders/{id}", orderId)
                .then().statusCode(200).body("status", is("REJECTED"));
    }

    @Test
    void anOrderPlacedWithoutLinesIsPoisonAndGoesToTheDeadLetterTopic() {
        String orderId = UUID.randomUUID().toString();
        kafka.sendEvent("orders", orderId, "OrderPlaced", "{\"orderId\": \"" + orderId + "\"}");

        ConsumerRecord<String, String> dead = kafka.awaitRecord("orders-dlq", r -> orderId.equals(r.key()));
        assertThat(KafkaTestClient.header(dead, "dead-letter-reason")).contains("OrderPlaced", "misses data this service needs");
        assertThat(database.queryForLong("select count(*) from store_order where order_id = ?::uuid", orderId)).isZero();
    }

    @Test
    void onlyTheOwnerSeesStoreOrders() {
        given().auth().oauth2(tokens.buyer("alice")).get("/api/store/orders").then().statusCode(403);
        given().get("/api/store/orders").then().statusCode(401);
        given().auth().oauth2(tokens.owner()).get("/api/store/orders").then().statusCode(200);
    }

    private String register(String sku, int stock) {
        String location = given().auth().oauth2(tokens.owner()).contentType(ContentType.JSON)
                .body(ItemResourceTest.item("Tee", sku, stock))
                .when().post("/api/items")
                .then().statusCode(201).extract().header("Location");
        return location.substring(location.lastIndexOf('/') + 1);
    }
}
