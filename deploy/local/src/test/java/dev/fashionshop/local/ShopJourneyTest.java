package dev.fashionshop.local;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * The saga's happy path end to end, through the gateway of a real local run (five services, real
 * PostgreSQL and Kafka), as the buyers and the owner live it.
 */
@AuditedJourneys
class ShopJourneyTest {

    private static final Duration SAGA_STEP = ShopApi.SAGA_STEP;

    private ShopApi shop;
    private String gateway;

    @BeforeAll
    void connect(ShopApi shop) {
        this.shop = shop;
        this.gateway = shop.gateway;
    }

    @Test
    void registerOrderPayAcceptDeliverAndSeeItAllInOnePlace() {
        String owner = "owner";
        String alice = "alice";
        String bob = "bob";
        String sku = "TEE-" + UUID.randomUUID();

        // the owner registers an item with variants; it shows in the public catalogue
        String itemId = shop.as(owner).body("""
                {"name": "Organic tee", "description": "Soft", "category": "t-shirts", "price": 2500, "currency": "EUR",
                 "variants": [{"sku": "%s", "size": "M", "colour": "white", "stock": 10},
                              {"sku": "%s-L", "size": "L", "colour": "white", "stock": 3}]}""".formatted(sku, sku))
                .post(gateway + "/api/items")
                .then().statusCode(201).extract().path("id");
        Awaitility.await().atMost(SAGA_STEP).untilAsserted(() -> given().get(gateway + "/api/catalog/{id}", itemId)
                .then().statusCode(200).body("name", is("Organic tee")).body("variants.sku", hasItems(sku, sku + "-L")));

        // the buyer orders (once order-service's replica knows the item) and pays at once
        String order = """
                {"lines": [{"itemId": "%s", "sku": "%s", "quantity": 2}], "shippingAddress": "1 Rue de la Paix, Paris"}"""
                .formatted(itemId, sku);
        Response placed = Awaitility.await().atMost(SAGA_STEP).until(
                () -> shop.as(alice).body(order).post(gateway + "/api/orders"), response -> response.statusCode() == 201);
        String orderId = placed.then().body("status", is("PAID")).body("totalAmount", is(5000))
                .header("Location", notNullValue()).extract().path("id");

        // the paid order reaches the store, and the buyer sees that it did; the owner accepts it; delivery starts
        Awaitility.await().atMost(SAGA_STEP).untilAsserted(() -> shop.as(owner).get(gateway + "/api/store/orders/{id}", orderId)
                .then().statusCode(200).body("status", is("RECEIVED")));
        Awaitility.await().atMost(SAGA_STEP).untilAsserted(() -> shop.as(alice).get(gateway + "/api/my-orders/{id}", orderId)
                .then().statusCode(200)
                .body("status", is("PAID"))
                .body("storeStatus", is("RECEIVED"))
                .body("timeline.event", hasItem("StoreReceived")));
        shop.as(owner).post(gateway + "/api/store/orders/{id}/accept", orderId).then().statusCode(200).body("status", is("ACCEPTED"));
        String deliveryId = Awaitility.await().atMost(SAGA_STEP).until(
                () -> shop.as(owner).queryParam("status", "STARTED").get(gateway + "/api/deliveries")
                        .then().statusCode(200).extract().jsonPath()
                        .<String> get("find { it.orderId == '" + orderId + "' }.id"),
                id -> id != null);

        // the courier delivered
        shop.as(owner).post(gateway + "/api/deliveries/{id}/complete", deliveryId).then().statusCode(200).body("status", is("COMPLETED"));

        // the buyer sees every service's status and the timeline in one place
        Awaitility.await().atMost(SAGA_STEP).untilAsserted(() -> shop.as(alice).get(gateway + "/api/my-orders/{id}", orderId)
                .then().statusCode(200)
                .body("status", is("DELIVERED"))
                .body("paymentStatus", is("APPROVED"))
                .body("storeStatus", is("ACCEPTED"))
                .body("deliveryStatus", is("COMPLETED"))
                .body("totalAmount", is(5000))
                .body("timeline.event", hasItems("OrderPlaced", "PaymentApproved", "StoreReceived", "StoreAccepted",
                        "DeliveryStarted", "DeliveryCompleted")));
        Awaitility.await().atMost(SAGA_STEP).untilAsserted(() -> shop.as(alice).get(gateway + "/api/orders/{id}", orderId)
                .then().statusCode(200).body("status", is("DELIVERED")));
        shop.as(alice).get(gateway + "/api/my-orders").then().statusCode(200).body("orderId", hasItem(orderId));

        // another buyer cannot see it, anywhere
        shop.as(bob).get(gateway + "/api/my-orders/{id}", orderId).then().statusCode(404);
        shop.as(bob).get(gateway + "/api/orders/{id}", orderId).then().statusCode(404);
    }

    @Test
    void aBuyerCancelsWhileTheDeliveryIsUnderWayAndIsRefundedOnce() {
        String owner = "owner";
        String alice = "alice";
        String sku = "SOCK-" + UUID.randomUUID();
        String itemId = shop.as(owner).body("""
                {"name": "Wool socks", "category": "socks", "price": 900, "currency": "EUR",
                 "variants": [{"sku": "%s", "size": "42", "colour": "grey", "stock": 4}]}""".formatted(sku))
                .post(gateway + "/api/items").then().statusCode(201).extract().path("id");
        String order = """
                {"lines": [{"itemId": "%s", "sku": "%s", "quantity": 2}], "shippingAddress": "3 High St"}"""
                .formatted(itemId, sku);
        String orderId = Awaitility.await().atMost(SAGA_STEP).until(
                () -> shop.as(alice).body(order).post(gateway + "/api/orders"), response -> response.statusCode() == 201)
                .then().extract().path("id");
        Awaitility.await().atMost(SAGA_STEP).untilAsserted(() -> shop.as(owner).post(gateway + "/api/store/orders/{id}/accept", orderId)
                .then().statusCode(200));
        Awaitility.await().atMost(SAGA_STEP).untilAsserted(() -> shop.as(owner).queryParam("orderId", orderId)
                .get(gateway + "/api/deliveries").then().body("status", hasItem("STARTED")));

        // the buyer cancels; the owner confirms; delivery stops, the money goes back, the stock too. The
        // cancellation can meet order-service recording DeliveryStarted on the same order: that is a 409
        // "changed meanwhile, send it again" (Retry-After), and the buyer sends it again
        Awaitility.await().atMost(SAGA_STEP).untilAsserted(() -> shop.as(alice).post(gateway + "/api/orders/{id}/cancel", orderId)
                .then().statusCode(200).body("status", is("CANCEL_REQUESTED")));
        Awaitility.await().atMost(SAGA_STEP).untilAsserted(() -> shop.as(owner).post(gateway + "/api/store/orders/{id}/confirm-cancel", orderId)
                .then().statusCode(200).body("status", is("CANCELLED")));

        Awaitility.await().atMost(SAGA_STEP).untilAsserted(() -> shop.as(alice).get(gateway + "/api/orders/{id}", orderId)
                .then().body("status", is("CANCELLED")));
        Awaitility.await().atMost(SAGA_STEP).untilAsserted(() -> shop.as(alice).get(gateway + "/api/my-orders/{id}", orderId)
                .then().statusCode(200)
                .body("status", is("CANCELLED"))
                .body("paymentStatus", is("REFUNDED"))
                .body("storeStatus", is("CANCELLED"))
                .body("deliveryStatus", is("CANCELLED"))
                .body("timeline.event", hasItems("OrderCancelled", "StoreCancelled", "DeliveryCancelled", "PaymentRefunded"))
                .body("timeline.findAll { it.event == 'PaymentRefunded' }.size()", is(1)));
        shop.as(owner).queryParam("orderId", orderId).get(gateway + "/api/deliveries").then().body("status", hasItem("CANCELLED"));
        shop.as(owner).get(gateway + "/api/items/{id}", itemId).then().body("variants[0].stock", is(4));
        shop.as(alice).post(gateway + "/api/orders/{id}/cancel", orderId).then().statusCode(409).body("currentState", is("CANCELLED"));
    }

    @Test
    void aDeclinedPaymentIs402AndPaymentsAreNeverExposed() {
        String owner = "owner";
        String alice = "alice";
        String sku = "CAP-" + UUID.randomUUID();
        String itemId = shop.as(owner).body("""
                {"name": "Cap", "category": "hats", "price": 1500, "currency": "EUR",
                 "variants": [{"sku": "%s", "size": "U", "colour": "black", "stock": 5}]}""".formatted(sku))
                .post(gateway + "/api/items").then().statusCode(201).extract().path("id");
        String order = """
                {"lines": [{"itemId": "%s", "sku": "%s", "quantity": 1}], "shippingAddress": "2 Main St",
                 "paymentToken": "tok_declined"}""".formatted(itemId, sku);

        Response declined = Awaitility.await().atMost(SAGA_STEP).until(
                () -> shop.as(alice).body(order).post(gateway + "/api/orders"), response -> response.statusCode() != 400);
        declined.then().statusCode(402).contentType("application/problem+json").body("orderId", notNullValue());

        given().contentType(ContentType.JSON).body("{}").post(gateway + "/payments").then().statusCode(404);
        given().contentType(ContentType.JSON).body("{\"username\": \"alice\", \"password\": \"wrong\"}")
                .post(gateway + "/api/auth/token").then().statusCode(401);
        given().contentType(ContentType.JSON).body(order).post(gateway + "/api/orders").then().statusCode(401);
    }
}
