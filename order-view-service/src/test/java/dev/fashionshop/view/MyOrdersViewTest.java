package dev.fashionshop.view;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import dev.fashionshop.testsupport.ServiceTest;
import io.quarkus.test.junit.QuarkusTest;

/** The my-orders view is built from the events of every topic, in whatever order they arrive. */
@QuarkusTest
class MyOrdersViewTest extends ServiceTest {

    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    @ConfigProperty(name = "shop.my-orders.streams-per-buyer")
    int streamsPerBuyer;

    static String orderPlaced(String orderId, String buyer) {
        return """
                {"orderId": "%s", "buyerId": "%s", "totalAmount": 5000, "currency": "EUR",
                 "lines": [{"itemId": "%s", "sku": "TEE-M", "quantity": 2, "unitPrice": 2500}]}"""
                .formatted(orderId, buyer, UUID.randomUUID());
    }

    static String storeReceived(String orderId) {
        return """
                {"orderId": "%s", "buyerId": "alice", "receivedAt": "2025-01-01T10:00:00Z",
                 "lines": [{"itemId": "%s", "sku": "TEE-M", "quantity": 2, "unitPrice": 2500}]}"""
                .formatted(orderId, UUID.randomUUID());
    }

    @Test
    void theViewShowsEveryServicesStatusWhateverTheOrderTheEventsArrivedIn() {
        String orderId = UUID.randomUUID().toString();
        String alice = tokens.buyer("alice");
        // the delivery and store events overtake the order's own events
        kafka.sendEvent("deliveries", orderId, "DeliveryStarted", "{\"orderId\": \"" + orderId + "\"}");
        kafka.sendEvent("store-orders", orderId, "StoreAccepted", "{\"orderId\": \"" + orderId + "\"}");
        kafka.sendEvent("payments", orderId, "PaymentApproved", "{\"orderId\": \"" + orderId + "\", \"buyerId\": \"alice\"}");
        kafka.sendEvent("orders", orderId, "OrderPlaced", orderPlaced(orderId, "alice"));

        Awaitility.await().untilAsserted(() -> given().auth().oauth2(alice).get("/api/my-orders/{id}", orderId)
                .then().statusCode(200)
                .body("status", is("SHIPPING"))
                .body("paymentStatus", is("APPROVED"))
                .body("storeStatus", is("ACCEPTED"))
                .body("deliveryStatus", is("STARTED"))
                .body("totalAmount", is(5000))
                .body("lines[0].quantity", is(2))
                .body("timeline.event", hasItems("OrderPlaced", "PaymentApproved", "StoreAccepted", "DeliveryStarted")));

        kafka.sendEvent("deliveries", orderId, "DeliveryCompleted", "{\"orderId\": \"" + orderId + "\"}");
        Awaitility.await().untilAsserted(() -> given().auth().oauth2(alice).get("/api/my-orders/{id}", orderId)
                .then().body("status", is("DELIVERED")).body("timeline", hasSize(5)));
        given().auth().oauth2(alice).get("/api/my-orders").then().statusCode(200).body("orderId", hasItem(orderId));
    }

    @Test
    void theStoreHavingThePaidOrderShowsAsReceivedUntilTheOwnerAcceptsIt() {
        String orderId = UUID.randomUUID().toString();
        String alice = tokens.buyer("alice");
        kafka.sendEvent("orders", orderId, "OrderPlaced", orderPlaced(orderId, "alice"));
        kafka.sendEvent("payments", orderId, "PaymentApproved", "{\"orderId\": \"" + orderId + "\", \"buyerId\": \"alice\"}");
        kafka.sendEvent("store-orders", orderId, "StoreReceived", storeReceived(orderId));

        Awaitility.await().untilAsserted(() -> given().auth().oauth2(alice).get("/api/my-orders/{id}", orderId)
                .then().statusCode(200)
                .body("status", is("PAID"))
                .body("paymentStatus", is("APPROVED"))
                .body("storeStatus", is("RECEIVED"))
                .body("deliveryStatus", is((Object) null))
                .body("timeline.event", hasItems("OrderPlaced", "PaymentApproved", "StoreReceived")));

        kafka.sendEvent("store-orders", orderId, "StoreAccepted", "{\"orderId\": \"" + orderId + "\"}");
        Awaitility.await().untilAsserted(() -> given().auth().oauth2(alice).get("/api/my-orders/{id}", orderId)
                .then().body("status", is("ACCEPTED")).body("storeStatus", is("ACCEPTED")).body("timeline", hasSize(4)));
    }

    @Test
    void aStoreReceivedArrivingLateDoesNotMoveTheStoreBack() {
        String accepted = UUID.randomUUID().toString();
        String cancelled = UUID.randomUUID().toString();
        String alice = tokens.buyer("alice");
        kafka.sendEvent("orders", accepted, "OrderPlaced", orderPlaced(accepted, "alice"));
        kafka.sendEvent("store-orders", accepted, "StoreAccepted", "{\"orderId\": \"" + accepted + "\"}");
        kafka.sendEvent("store-orders", accepted, "StoreReceived", storeReceived(accepted));
        kafka.sendEvent("orders", cancelled, "OrderPlaced", orderPlaced(cancelled, "alice"));
        kafka.sendEvent("store-orders", cancelled, "StoreCancelled", "{\"orderId\": \"" + cancelled + "\"}");
        kafka.sendEvent("store-orders", cancelled, "StoreReceived", storeReceived(cancelled));

        // the late event is in the timeline, written with the view's change: once it shows, the change was made
        Awaitility.await().untilAsserted(() -> given().auth().oauth2(alice).get("/api/my-orders/{id}", accepted)
                .then().statusCode(200)
                .body("timeline.event", hasItems("OrderPlaced", "StoreAccepted", "StoreReceived"))
                .body("storeStatus", is("ACCEPTED"))
                .body("status", is("ACCEPTED")));
        Awaitility.await().untilAsserted(() -> given().auth().oauth2(alice).get("/api/my-orders/{id}", cancelled)
                .then().statusCode(200)
                .body("timeline.event", hasItems("OrderPlaced", "StoreCancelled", "StoreReceived"))
                .body("storeStatus", is("CANCELLED")));
    }

    @Test
    void aCancellationShowsEachStepAndEndsCancelledWhateverTheOrderOfItsEvents() {
        String orderId = UUID.randomUUID().toString();
        String alice = tokens.buyer("alice");
        String data = "{\"orderId\": \"" + orderId + "\"}";
        kafka.sendEvent("payments", orderId, "PaymentRefunded", data);
        kafka.sendEvent("deliveries", orderId, "DeliveryStarted", data);
        kafka.sendEvent("deliveries", orderId, "DeliveryCancelled", data);
        kafka.sendEvent("store-orders", orderId, "StoreCancelled", data);
        kafka.sendEvent("orders", orderId, "OrderPlaced", orderPlaced(orderId, "alice"));
        kafka.sendEvent("orders", orderId, "OrderCancelled",
                "{\"orderId\": \"%s\", \"buyerId\": \"alice\", \"status\": \"CANCEL_REQUESTED\"}".formatted(orderId));

        Awaitility.await().untilAsserted(() -> given().auth().oauth2(alice).get("/api/my-orders/{id}", orderId)
                .then().statusCode(200)
                .body("status", is("CANCELLED"))
                .body("paymentStatus", is("REFUNDED"))
                .body("storeStatus", is("CANCELLED"))
                .body("deliveryStatus", is("CANCELLED"))
                .body("timeline", hasSize(6)));
    }

    @Test
    void anotherBuyersOrderDoesNotExistForThem() {
        String orderId = UUID.randomUUID().toString();
        kafka.sendEvent("orders", orderId, "OrderPlaced", orderPlaced(orderId, "alice"));
        Awaitility.await().untilAsserted(() -> given().auth().oauth2(tokens.buyer("alice"))
                .get("/api/my-orders/{id}", orderId).then().statusCode(200));

        given().auth().oauth2(tokens.buyer("bob")).get("/api/my-orders/{id}", orderId).then().statusCode(404);
        given().get("/api/my-orders/{id}", orderId).then().statusCode(401);
        given().auth().oauth2(tokens.owner()).get("/api/my-orders").then().statusCode(403);
    }

    @Test
    void theStreamPushesTheBuyersOrderChangesOnly() throws Exception {
        String orderId = UUID.randomUUID().toString();
        String bobsOrder = UUID.randomUUID().toString();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/my-orders/stream"))
                .header("Authorization", "Bearer " + tokens.buyer("alice"))
                .header("Accept", "text/event-stream")
                .build();
        CompletableFuture<String> firstEvent = HttpClient.newHttpClient()
                .sendAsync(request, HttpResponse.BodyHandlers.ofLines())
                .thenApply(response -> response.body().filter(line -> line.startsWith("data:")).findFirst().orElse(""));
        // the stream is open once the server answered its headers; publish until the buyer's change comes through
        Awaitility.await().until(() -> {
            kafka.sendEvent("orders", bobsOrder, "OrderPlaced", orderPlaced(bobsOrder, "bob"));
            kafka.sendEvent("orders", orderId, "OrderPlaced", orderPlaced(orderId, "alice"));
            return firstEvent.isDone() || waitShortly(firstEvent);
        });

        String event = firstEvent.get(1, TimeUnit.SECONDS);
        assertThat(event).contains(orderId).contains("\"buyerId\":\"alice\"").doesNotContain(bobsOrder);
    }

    @Test
    void aBuyerHoldsSoManyStreamsOpenAndOneMoreIsA429UntilOneCloses() throws Exception {
        String carol = tokens.buyer("carol-" + UUID.randomUUID());
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/my-orders/stream"))
                .header("Authorization", "Bearer " + carol)
                .header("Accept", "text/event-stream")
                .build();
        List<HttpResponse<InputStream>> open = new ArrayList<>();
        for (int i = 0; i < streamsPerBuyer; i++) {
            HttpResponse<InputStream> stream = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            assertThat(stream.statusCode()).isEqualTo(200);
            open.add(stream);
        }

        HttpResponse<String> refused = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("30");
        assertThat(refused.body()).contains("already follows their orders in " + streamsPerBuyer + " streams");
        // another buyer is not refused
        HttpResponse<InputStream> dave = http.send(HttpRequest.newBuilder(request.uri())
                .header("Authorization", "Bearer " + tokens.buyer("dave-" + UUID.randomUUID()))
                .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(dave.statusCode()).isEqualTo(200);
        dave.body().close();

        // a stream the client closes makes room for another
        open.remove(0).body().close();
        Awaitility.await().until(() -> {
            HttpResponse<InputStream> again = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            if (again.statusCode() == 200) {
                open.add(again);
                return true;
            }
            again.body().close();
            return false;
        });
        for (HttpResponse<InputStream> stream : open) {
            stream.body().close();
        }
    }

    private static boolean waitShortly(CompletableFuture<String> event) {
        try {
            event.get(500, TimeUnit.MILLISECONDS);
            return true;
        } catch (Exception notYet) {
            return false;
        }
    }

    @Test
    void theCatalogueIsPublicAndFollowsTheItemsTopic() {
        String itemId = UUID.randomUUID().toString();
        kafka.sendEvent("items", itemId, "ItemRegistered", """
                {"itemId": "%s", "name": "Linen shirt", "description": "Breathes", "category": "shirts", "price": 4900,
                 "currency": "EUR", "imageUrl": "https://img.example/shirt.png",
                 "variants": [{"sku": "SHIRT-%s", "size": "L", "colour": "blue", "stock": 4}]}""".formatted(itemId, itemId));
        Awaitility.await().untilAsserted(() -> given().get("/api/catalog/{id}", itemId)
                .then().statusCode(200).body("name", is("Linen shirt")).body("variants[0].stock", is(4)));

        kafka.sendEvent("items", itemId, "StockChanged",
                "{\"itemId\": \"%s\", \"sku\": \"SHIRT-%s\", \"stock\": 1}".formatted(itemId, itemId));
        Awaitility.await().untilAsserted(() -> given().get("/api/catalog/{id}", itemId)
                .then().body("variants[0].stock", is(1)));
        given().queryParam("category", "shirts").get("/api/catalog").then().statusCode(200).body("id", hasItem(itemId));
    }
}
