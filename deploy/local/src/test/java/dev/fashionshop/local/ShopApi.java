package dev.fashionshop.local;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.assertj.core.api.Assertions;
import org.awaitility.Awaitility;

import dev.fashionshop.local.audit.ShopAudit;
import dev.fashionshop.local.audit.ShopConnections;
import dev.fashionshop.local.metrics.ServiceMetrics;
import dev.fashionshop.local.services.ServiceSpec;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** The shop as its users and operators reach it: the gateway with tokens, the audit, and the databases. */
final class ShopApi {

    /** The longest any step of the saga may take on a busy 2-core machine. */
    static final Duration SAGA_STEP = Duration.ofSeconds(60);

    final String gateway;
    final int postgresPort;
    final String kafkaBootstrapServers;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    ShopApi(String gateway, int postgresPort, String kafkaBootstrapServers) {
        this.gateway = gateway;
        this.postgresPort = postgresPort;
        this.kafkaBootstrapServers = kafkaBootstrapServers;
    }

    /** A request as one of the demo users (alice, bob, owner, operator), with a token from the shop. */
    RequestSpecification as(String user) {
        return given().auth().oauth2(tokens.computeIfAbsent(user, this::token)).contentType(ContentType.JSON);
    }

    /** A fresh token of a demo user from the shop's token endpoint. */
    String token(String user) {
        return given().contentType(ContentType.JSON)
                .body("{\"username\": \"%s\", \"password\": \"%s\"}".formatted(user, user))
                .post(gateway + "/api/auth/token")
                .then().statusCode(200).body("token_type", is("Bearer"))
                .extract().path("access_token");
    }

    /** The owner registers an item with one variant; answers the item's id. */
    String registerItem(String sku, int stock, long price) {
        return as("owner").body("""
                {"name": "Item %s", "category": "tests", "price": %d, "currency": "EUR",
                 "variants": [{"sku": "%s", "size": "M", "colour": "black", "stock": %d}]}""".formatted(sku, price, sku, stock))
                .post(gateway + "/api/items").then().statusCode(201).extract().path("id");
    }

    static String orderBody(String itemId, String sku, int quantity, String paymentToken) {
        return """
                {"lines": [{"itemId": "%s", "sku": "%s", "quantity": %d}], "shippingAddress": "5 Test Street"%s}"""
                .formatted(itemId, sku, quantity, paymentToken == null ? "" : ", \"paymentToken\": \"" + paymentToken + "\"");
    }

    /** The buyer orders once order-service's catalogue replica knows the item (a 400 until then). */
    Response order(String buyer, String itemId, String sku, int quantity, String paymentToken) {
        String body = orderBody(itemId, sku, quantity, paymentToken);
        return Awaitility.await("the item to reach order-service's catalogue").atMost(SAGA_STEP)
                .until(() -> as(buyer).body(body).post(gateway + "/api/orders"), response -> response.statusCode() != 400);
    }

    /**
     * Waits until order-service's catalogue replica knows the item: an order of it with the test card
     * that is always declined answers 402 then (400 before). The declined order stays, harmless.
     */
    void awaitCatalogued(String itemId, String sku) {
        order("bob", itemId, sku, 1, "tok_declined").then().statusCode(402);
    }

    /** A paid order; answers its id. */
    String paidOrder(String buyer, String itemId, String sku, int quantity) {
        return order(buyer, itemId, sku, quantity, null).then().statusCode(201).body("status", is("PAID")).extract().path("id");
    }

    /** The owner accepts a paid order once the store has it; answers the id of the delivery that starts. */
    String accept(String orderId) {
        awaitStoreOrder(orderId, "RECEIVED");
        as("owner").post(gateway + "/api/store/orders/{id}/accept", orderId).then().statusCode(200);
        return awaitDelivery(orderId, "STARTED").getString("id");
    }

    /** The buyer cancels a paid order and the owner confirms the cancellation once the store shows it. */
    void cancelAndConfirm(String buyer, String orderId) {
        as(buyer).post(gateway + "/api/orders/{id}/cancel", orderId).then().statusCode(200).body("status", is("CANCEL_REQUESTED"));
        awaitStoreOrder(orderId, "CANCEL_REQUESTED");
        as("owner").post(gateway + "/api/store/orders/{id}/confirm-cancel", orderId).then().statusCode(200)
                .body("status", is("CANCELLED"));
    }

    void completeDelivery(String deliveryId) {
        as("owner").post(gateway + "/api/deliveries/{id}/complete", deliveryId).then().statusCode(200);
    }

    void awaitStoreOrder(String orderId, String status) {
        Awaitility.await("store order " + orderId + " " + status).atMost(SAGA_STEP).untilAsserted(() -> as("owner")
                .get(gateway + "/api/store/orders/{id}", orderId).then().statusCode(200).body("status", is(status)));
    }

    void awaitOrder(String buyer, String orderId, String status) {
        Awaitility.await("order " + orderId + " " + status).atMost(SAGA_STEP).untilAsserted(() -> as(buyer)
                .get(gateway + "/api/orders/{id}", orderId).then().statusCode(200).body("status", is(status)));
    }

    void awaitView(String buyer, String orderId, String status) {
        Awaitility.await("view of " + orderId + " " + status).atMost(SAGA_STEP).untilAsserted(() -> as(buyer)
                .get(gateway + "/api/my-orders/{id}", orderId).then().statusCode(200).body("status", is(status)));
    }

    /** The delivery of an order once it exists. */
    JsonObject awaitDelivery(String orderId, String status) {
        return Awaitility.await("delivery of " + orderId + " " + status).atMost(SAGA_STEP).until(
                () -> new JsonArray(as("owner").queryParam("orderId", orderId).get(gateway + "/api/deliveries").asString())
                        .stream().map(JsonObject.class::cast).filter(d -> status.equals(d.getString("status")))
                        .findFirst().orElse(null),
                delivery -> delivery != null);
    }

    int stockOf(String itemId) {
        return as("owner").get(gateway + "/api/items/{id}", itemId).then().statusCode(200).extract().path("variants[0].stock");
    }

    /** The stock of one variant of an item, as the store has it. */
    int stockOf(String itemId, String sku) {
        return as("owner").get(gateway + "/api/items/{id}", itemId).then().statusCode(200)
                .extract().path("variants.find { it.sku == '%s' }.stock".formatted(sku));
    }

    /** What the runner says of a service: name, url, pid, health, restarts. */
    JsonObject service(String name) {
        return new JsonArray(given().get(gateway + "/local/services").asString()).stream().map(JsonObject.class::cast)
                .filter(s -> name.equals(s.getString("name"))).findFirst().orElseThrow();
    }

    /** A service's own URL: for what the gateway does not route. */
    String serviceUrl(String name) {
        return service(name).getString("url");
    }

    void stopService(String name) {
        given().post(gateway + "/local/services/{name}/stop", name).then().statusCode(200).body("health", is("STOPPED"));
    }

    void startService(String name) {
        given().post(gateway + "/local/services/{name}/start", name).then().statusCode(200);
    }

    /** How many times the runner has restarted each of the shop's services so far. */
    Map<String, Integer> restartsOfEachService() {
        Map<String, Integer> restarts = new ConcurrentHashMap<>();
        ServiceSpec.SHOP.forEach(spec -> restarts.put(spec.name(), service(spec.name()).getInteger("restarts")));
        return restarts;
    }

    void awaitServiceUp(String name) {
        Awaitility.await(name + " up").atMost(Duration.ofMinutes(3)).until(() -> "UP".equals(service(name).getString("health")));
    }

    /** The URLs of every instance of a service (order-service runs two in the tests' shop). */
    List<String> instanceUrls(String name) {
        return new JsonArray(given().get(gateway + "/local/services").asString()).stream().map(JsonObject.class::cast)
                .filter(s -> name.equals(s.getString("name"))).map(s -> s.getString("url")).toList();
    }

    /**
     * One scrape of every instance of a service (not routed by the gateway: straight to each), read together:
     * a sum over the instances, as Prometheus sums by service.
     */
    ServiceMetrics metrics(String service) {
        return new ServiceMetrics(String.join("\n", instanceUrls(service).stream()
                .map(url -> given().get(url + "/q/metrics").then().statusCode(200).extract().asString()).toList()));
    }

    /**
     * Waits until payments flow again after a fault: enough orders of the item paid in a row that each
     * order-service instance's breaker is closed and its window (its last ten calls) holds no failure from the
     * fault, which would otherwise open it once the calls after the fault fill the window.
     */
    void awaitPaymentsFlowing(String itemId, String sku) {
        int needed = 10 * instanceUrls("order-service").size();
        AtomicInteger paidInARow = new AtomicInteger();
        Awaitility.await("payments flowing").atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(200))
                .until(() -> order("alice", itemId, sku, 1, null).statusCode() == 201
                        ? paidInARow.incrementAndGet() >= needed
                        : paidInARow.getAndSet(0) < 0);
    }

    /** Sets the payment simulator's knobs (payment-service is not routed: straight to it, as the operator). */
    void paymentSimulator(long latencyMs, double failureRate) {
        as("operator").body("{\"latencyMs\": %d, \"failureRate\": %s}".formatted(latencyMs, failureRate))
                .put(serviceUrl("payment-service") + "/admin/simulator").then().statusCode(200);
    }

    ShopAudit.Report audit() throws Exception {
        return new ShopAudit(ShopConnections.local(postgresPort, kafkaBootstrapServers)).run(SAGA_STEP);
    }

    /** Runs the audit and fails with its findings unless every invariant holds. */
    void assertAuditPasses() throws Exception {
        ShopAudit.Report report = audit();
        report.print(System.out);
        Assertions.assertThat(report.unquiet()).as("what was still moving").isEmpty();
        Assertions.assertThat(report.violations()).as("invariant violations").isEmpty();
    }

    /** Runs SQL on a service's database, with that service's login, as an operator (or a bug) would. */
    int update(String database, String sql, Object... parameters) throws SQLException {
        try (Connection connection = database(database); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        }
    }

    long queryForLong(String database, String sql, Object... parameters) throws SQLException {
        try (Connection connection = database(database); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    Connection database(String database) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + postgresPort + "/" + database, database, database);
    }

    static UUID uuid(String id) {
        return UUID.fromString(id);
    }
}
