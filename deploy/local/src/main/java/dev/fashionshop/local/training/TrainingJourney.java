package dev.fashionshop.local.training;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

import org.awaitility.Awaitility;

import dev.fashionshop.local.gateway.GatewayClient;
import io.vertx.core.json.JsonObject;

/**
 * What the services do while they train their class-data archives: one walk through every path of the
 * saga, through the gateway, as the demo users. The owner registers an item; a buyer's order is declined,
 * another is paid, accepted and delivered, a third is cancelled and refunded; both read their views. Each
 * step waits for the saga to get there, so every consumer has handled its events before the services stop.
 */
final class TrainingJourney {

    private static final Duration STEP_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final String STATUS = GatewayClient.STATUS;

    private final GatewayClient client;

    TrainingJourney(String gateway) {
        this.client = new GatewayClient(gateway);
    }

    void walk() throws Exception {
        String owner = token("owner");
        String buyer = token("alice");
        String sku = "TRAIN-" + UUID.randomUUID();
        String itemId = send(owner, "POST", "/api/items", """
                {"name": "Training shirt", "category": "shirts", "price": 2500, "currency": "EUR",
                 "variants": [{"sku": "%s", "size": "M", "colour": "blue", "stock": 10}]}""".formatted(sku), 201)
                .getString("id");
        // 400 until order-service's catalogue replica has the item; the declined order stays, harmless
        until("the item in order-service's catalogue",
                () -> send(buyer, "POST", "/api/orders", order(itemId, sku, "tok_declined"), null), answer -> status(answer) == 402);
        send(null, "GET", "/api/catalog", null, 200);

        String delivered = send(buyer, "POST", "/api/orders", order(itemId, sku, null), 201).getString("id");
        storeOrder(owner, delivered, "RECEIVED");
        send(owner, "POST", "/api/store/orders/" + delivered + "/accept", null, 200);
        String deliveryId = started(until("the delivery of " + delivered,
                () -> send(owner, "GET", "/api/deliveries?orderId=" + delivered, null, 200), answer -> started(answer) != null))
                .getString("id");
        send(owner, "POST", "/api/deliveries/" + deliveryId + "/complete", null, 200);

        String cancelled = send(buyer, "POST", "/api/orders", order(itemId, sku, null), 201).getString("id");
        send(buyer, "POST", "/api/orders/" + cancelled + "/cancel", null, 200);
        storeOrder(owner, cancelled, "CANCEL_REQUESTED");
        send(owner, "POST", "/api/store/orders/" + cancelled + "/confirm-cancel", null, 200);

        view(buyer, delivered, "DELIVERED");
        view(buyer, cancelled, "CANCELLED");
        send(buyer, "GET", "/api/my-orders", null, 200);
        send(buyer, "GET", "/api/orders/" + cancelled, null, 200);
    }

    private static String order(String itemId, String sku, String paymentToken) {
        return """
                {"lines": [{"itemId": "%s", "sku": "%s", "quantity": 1}], "shippingAddress": "1 Training Street"%s}"""
                .formatted(itemId, sku, paymentToken == null ? "" : ", \"paymentToken\": \"" + paymentToken + "\"");
    }

    private void storeOrder(String owner, String orderId, String status) throws Exception {
        until("store order " + orderId + " " + status, () -> send(owner, "GET", "/api/store/orders/" + orderId, null, null),
                answer -> status(answer) == 200 && status.equals(answer.getString("status")));
    }

    private void view(String buyer, String orderId, String status) throws Exception {
        until("the view of " + orderId + " " + status, () -> send(buyer, "GET", "/api/my-orders/" + orderId, null, null),
                answer -> status(answer) == 200 && status.equals(answer.getString("status")));
    }

    /** The started delivery in a list of deliveries, or null. */
    private static JsonObject started(JsonObject answer) {
        return answer.getJsonArray("items").stream().map(JsonObject.class::cast)
                .filter(delivery -> "STARTED".equals(delivery.getString("status"))).findFirst().orElse(null);
    }

    private static int status(JsonObject answer) {
        return answer.getInteger(STATUS);
    }

    private String token(String user) throws IOException, InterruptedException {
        return client.token(user);
    }

    /** Repeats a request until its answer is the one awaited; answers that answer. */
    private static JsonObject until(String what, Callable<JsonObject> request, Predicate<JsonObject> done) {
        return Awaitility.await(what).atMost(STEP_TIMEOUT).pollInterval(POLL).until(request, done::test);
    }

    /** A request through the gateway; an order carries an Idempotency-Key of its own, as the web UI's do. */
    private JsonObject send(String token, String method, String path, String body, Integer expected)
            throws IOException, InterruptedException {
        Map<String, String> headers = "POST".equals(method) && path.equals("/api/orders")
                ? Map.of("Idempotency-Key", UUID.randomUUID().toString())
                : Map.of();
        return client.send(token, method, path, body, headers, expected);
    }
}
