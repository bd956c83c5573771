package dev.fashionshop.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.restassured.response.Response;

/**
 * Every compensation of the saga through the whole shop (gateway, five services, real PostgreSQL and
 * Kafka): cancellations at each stage, the store's rejection, a deferred order's expiry. After each,
 * the audit checks every invariant across the services, the view included.
 */
@AuditedJourneys
class CompensationJourneyTest {

    private ShopApi shop;

    @BeforeAll
    void connect(ShopApi shop) {
        this.shop = shop;
    }

    @Test
    void aCancellationBeforeTheOwnerAcceptedGivesTheStockAndTheMoneyBackOnce() {
        String sku = "DRESS-" + UUID.randomUUID();
        String itemId = shop.registerItem(sku, 5, 8000);
        String orderId = shop.paidOrder("alice", itemId, sku, 2);
        shop.awaitStoreOrder(orderId, "RECEIVED");
        assertThat(shop.stockOf(itemId)).isEqualTo(3);

        shop.as("alice").post(shop.gateway + "/api/orders/{id}/cancel", orderId)
                .then().statusCode(200).body("status", is("CANCEL_REQUESTED"));
        shop.awaitStoreOrder(orderId, "CANCEL_REQUESTED");
        shop.awaitView("alice", orderId, "CANCEL_REQUESTED");
        shop.as("owner").post(shop.gateway + "/api/store/orders/{id}/confirm-cancel", orderId)
                .then().statusCode(200).body("status", is("CANCELLED"));
        // the owner's second click changes nothing
        shop.as("owner").post(shop.gateway + "/api/store/orders/{id}/confirm-cancel", orderId)
                .then().statusCode(409).body("currentState", is("CANCELLED"));

        shop.awaitOrder("alice", orderId, "CANCELLED");
        shop.awaitView("alice", orderId, "CANCELLED");
        shop.as("alice").get(shop.gateway + "/api/my-orders/{id}", orderId).then()
                .body("paymentStatus", is("REFUNDED")).body("storeStatus", is("CANCELLED")).body("deliveryStatus", is((Object) null))
                .body("timeline.findAll { it.event == 'PaymentRefunded' }.size()", is(1));
        assertThat(shop.stockOf(itemId)).isEqualTo(5);
        // no delivery was ever started for it
        shop.as("owner").queryParam("orderId", orderId).get(shop.gateway + "/api/deliveries").then().body("size()", is(0));
    }

    @Test
    void aCancellationAfterTheDeliveryStartedStopsTheDelivery() {
        String sku = "COAT-" + UUID.randomUUID();
        String itemId = shop.registerItem(sku, 2, 20000);
        String orderId = shop.paidOrder("bob", itemId, sku, 1);
        shop.accept(orderId);
        shop.awaitOrder("bob", orderId, "SHIPPING");

        shop.cancelAndConfirm("bob", orderId);

        shop.awaitDelivery(orderId, "CANCELLED");
        shop.awaitOrder("bob", orderId, "CANCELLED");
        shop.awaitView("bob", orderId, "CANCELLED");
        shop.as("bob").get(shop.gateway + "/api/my-orders/{id}", orderId).then()
                .body("deliveryStatus", is("CANCELLED")).body("paymentStatus", is("REFUNDED"))
                .body("timeline.event", hasItems("DeliveryStarted", "OrderCancelled", "StoreCancelled", "DeliveryCancelled",
                        "PaymentRefunded"));
        assertThat(shop.stockOf(itemId)).isEqualTo(2);
    }

    @Test
    void aDeliveredOrderCannotBeCancelled() {
        String sku = "SCARF-" + UUID.randomUUID();
        String itemId = shop.registerItem(sku, 3, 3000);
        String orderId = shop.paidOrder("alice", itemId, sku, 1);
        shop.completeDelivery(shop.accept(orderId));
        shop.awaitOrder("alice", orderId, "DELIVERED");

        shop.as("alice").post(shop.gateway + "/api/orders/{id}/cancel", orderId)
                .then().statusCode(409).contentType("application/problem+json")
                .body("orderId", is(orderId)).body("currentState", is("DELIVERED"));
        shop.awaitView("alice", orderId, "DELIVERED");
        assertThat(shop.stockOf(itemId)).isEqualTo(2);
    }

    /**
     * order-service validates against its replica of the catalogue, which hears of a reservation only
     * after the store made it: buyers ordering the last pieces at the same moment all get through, and
     * the store, which has the final word, rejects the orders it cannot supply.
     */
    @Test
    void anOrderTheStoreCannotSupplyIsRejectedAndRefundedAndReleasesNothing() {
        String sku = "BOOTS-" + UUID.randomUUID();
        String itemId = shop.registerItem(sku, 1, 12000);
        shop.awaitCatalogued(itemId, sku);

        List<String> rejected = new ArrayList<>();
        List<String> received = new ArrayList<>();
        Awaitility.await("an order the store rejects").atMost(ShopApi.SAGA_STEP).until(() -> {
            for (String orderId : placeAtOnce(itemId, sku, 4)) {
                Awaitility.await().atMost(ShopApi.SAGA_STEP).until(() -> storeStatus(orderId) != null);
                (storeStatus(orderId).equals("REJECTED") ? rejected : received).add(orderId);
            }
            shop.as("owner").body("{\"stock\": 1}").put(shop.gateway + "/api/items/{id}/variants/{sku}/stock", itemId, sku)
                    .then().statusCode(200);
            return !rejected.isEmpty();
        });

        for (String orderId : rejected) {
            shop.awaitOrder("alice", orderId, "REJECTED");
            shop.awaitView("alice", orderId, "REJECTED");
            // the refund is the saga's last event and may reach the view after the status it waits for
            Awaitility.await().untilAsserted(() -> shop.as("alice").get(shop.gateway + "/api/my-orders/{id}", orderId).then()
                    .body("paymentStatus", is("REFUNDED")).body("storeStatus", is("REJECTED")));
        }
        assertThat(received).as("the piece went to one of the buyers each round").isNotEmpty();
    }

    @Test
    void anOrderLeftUnpaidExpiresAndNothingReachesTheStore() {
        String sku = "BELT-" + UUID.randomUUID();
        String itemId = shop.registerItem(sku, 3, 2500);
        shop.awaitCatalogued(itemId, sku);

        shop.paymentSimulator(0, 1.0);
        Response deferred;
        try {
            deferred = shop.order("alice", itemId, sku, 1, null);
        } finally {
            shop.paymentSimulator(0, 0);
        }
        String orderId = deferred.then().statusCode(503).header("Retry-After", org.hamcrest.Matchers.notNullValue())
                .body("orderStatus", is("PAYMENT_DEFERRED")).extract().path("orderId");
        shop.awaitView("alice", orderId, "PAYMENT_DEFERRED");

        // the local run under test expires unpaid orders after 25 seconds (RunningShop)
        shop.awaitOrder("alice", orderId, "EXPIRED");
        shop.awaitView("alice", orderId, "EXPIRED");
        shop.as("owner").get(shop.gateway + "/api/store/orders/{id}", orderId).then().statusCode(404);
        assertThat(shop.stockOf(itemId)).isEqualTo(3);
    }

    private List<String> placeAtOnce(String itemId, String sku, int buyers) {
        List<CompletableFuture<Response>> orders = new ArrayList<>();
        shop.as("alice"); // the token is fetched before the race
        for (int i = 0; i < buyers; i++) {
            orders.add(CompletableFuture.supplyAsync(() -> shop.as("alice")
                    .body(ShopApi.orderBody(itemId, sku, 1, null)).post(shop.gateway + "/api/orders")));
        }
        return orders.stream().map(CompletableFuture::join)
                .filter(response -> response.statusCode() == 201)
                .map(response -> response.<String> path("id"))
                .toList();
    }

    private String storeStatus(String orderId) {
        Response response = shop.as("owner").get(shop.gateway + "/api/store/orders/{id}", orderId);
        return response.statusCode() == 200 ? response.path("status") : null;
    }
}
