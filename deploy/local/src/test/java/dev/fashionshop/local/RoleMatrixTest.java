package dev.fashionshop.local;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.vertx.core.json.JsonObject;

/**
 * Who may do what, endpoint by endpoint: anonymous, the buyer (alice), another buyer (bob), the owner and the
 * operator call every endpoint the gateway exposes, and each gets exactly the answer of their role. A caller
 * without a token is 401, one whose role does not allow it 403, another buyer's order does not exist (404);
 * a caller the role allows is answered on the merits, with an id that names nothing (404) or a body that is not
 * valid (400) wherever a valid one would change something. Every refusal is a problem.
 */
@AuditedJourneys
class RoleMatrixTest {

    private static final List<String> CALLERS = List.of("anonymous", "alice", "bob", "owner", "operator");
    private static final Map<String, String> ROLES = Map.of("alice", "buyer", "bob", "buyer", "owner", "owner",
            "operator", "operator");

    private final HttpClient http = HttpClient.newHttpClient();
    private ShopApi shop;
    private final Map<String, String> ids = new LinkedHashMap<>();

    /** An endpoint, the role it is for (null: anyone), its answer to that role, and the callers answered otherwise. */
    private record Endpoint(String method, String path, String body, String role, int answer, Map<String, Integer> except) {

        Endpoint but(String caller, int status) {
            Map<String, Integer> more = new LinkedHashMap<>(except);
            more.put(caller, status);
            return new Endpoint(method, path, body, role, answer, more);
        }

        int expectedFor(String caller) {
            if (except.containsKey(caller)) {
                return except.get(caller);
            }
            if (role == null) {
                return answer;
            }
            if (caller.equals("anonymous")) {
                return 401;
            }
            return role.equals(ROLES.get(caller)) ? answer : 403;
        }
    }

    private static Endpoint endpoint(String method, String path, String body, String role, int answer) {
        return new Endpoint(method, path, body, role, answer, Map.of());
    }

    @BeforeAll
    void anOrderOfAlicesInTheStore(ShopApi shop) {
        this.shop = shop;
        String sku = "MATRIX-" + UUID.randomUUID();
        String itemId = shop.registerItem(sku, 10, 1500);
        shop.awaitCatalogued(itemId, sku);
        String order = shop.paidOrder("alice", itemId, sku, 1);
        shop.awaitStoreOrder(order, "RECEIVED");
        shop.awaitView("alice", order, "PAID");
        ids.put("{order}", order);
        ids.put("{item}", itemId);
        ids.put("{sku}", sku);
        ids.put("{nothing}", UUID.randomUUID().toString());
    }

    @Test
    void everyCallerGetsTheAnswerOfTheirRoleOnEveryEndpoint() throws Exception {
        List<Endpoint> endpoints = List.of(
                endpoint("GET", "/api/catalog", null, null, 200),
                endpoint("GET", "/api/catalog/facets", null, null, 200),
                endpoint("GET", "/api/catalog/{item}", null, null, 200),
                endpoint("GET", "/api/catalog/{nothing}", null, null, 404),
                endpoint("POST", "/api/items", "{}", "owner", 400),
                endpoint("GET", "/api/items", null, "owner", 200),
                endpoint("GET", "/api/items/{item}", null, "owner", 200),
                endpoint("PUT", "/api/items/{item}", "{}", "owner", 400),
                endpoint("PUT", "/api/items/{nothing}/variants/{sku}/stock", "{\"stock\": 1}", "owner", 404),
                endpoint("POST", "/api/orders", "{}", "buyer", 400),
                endpoint("GET", "/api/orders", null, "buyer", 200),
                endpoint("GET", "/api/orders/{order}", null, "buyer", 200).but("bob", 404),
                endpoint("POST", "/api/orders/{nothing}/cancel", null, "buyer", 404),
                endpoint("POST", "/api/orders/{nothing}/payment", "{}", "buyer", 404),
                endpoint("GET", "/api/my-orders", null, "buyer", 200),
                endpoint("GET", "/api/my-orders/{order}", null, "buyer", 200).but("bob", 404),
                endpoint("GET", "/api/my-orders/stream", null, "buyer", 200),
                endpoint("GET", "/api/store/orders", null, "owner", 200),
                endpoint("GET", "/api/store/orders/{order}", null, "owner", 200),
                endpoint("POST", "/api/store/orders/{nothing}/accept", null, "owner", 404),
                endpoint("POST", "/api/store/orders/{nothing}/confirm-cancel", null, "owner", 404),
                endpoint("GET", "/api/deliveries", null, "owner", 200),
                endpoint("GET", "/api/deliveries/{nothing}", null, "owner", 404),
                endpoint("POST", "/api/deliveries/{nothing}/complete", null, "owner", 404),
                endpoint("GET", "/local/admin/payment-service/simulator", null, "operator", 200),
                endpoint("GET", "/local/admin/order-service/circuit-breakers", null, "operator", 200),
                // payment-service's paths are internal: the gateway does not route them, whoever asks
                endpoint("POST", "/payments", "{}", null, 404));

        List<String> wrong = new ArrayList<>();
        int cells = 0;
        for (Endpoint endpoint : endpoints) {
            String path = resolve(endpoint.path());
            for (String caller : CALLERS) {
                int expected = endpoint.expectedFor(caller);
                Answer answer = path.endsWith("/stream") ? stream(caller, path) : call(caller, endpoint.method(), path, endpoint.body());
                cells++;
                if (answer.status() != expected) {
                    wrong.add("%s %s as %s: %d, expected %d %s".formatted(endpoint.method(), endpoint.path(), caller,
                            answer.status(), expected, answer.body()));
                } else if (expected >= 400 && !answer.isProblem()) {
                    wrong.add("%s %s as %s: %d is not a problem: %s %s".formatted(endpoint.method(), endpoint.path(), caller,
                            expected, answer.contentType(), answer.body()));
                }
            }
        }
        System.out.printf("ROLE MATRIX %d endpoints x %d callers = %d answers, %d wrong%n", endpoints.size(), CALLERS.size(),
                cells, wrong.size());
        assertThat(wrong).isEmpty();
    }

    /** Another buyer can neither cancel nor pay alice's order, nor see it: it does not exist for them. */
    @Test
    void anotherBuyersCommandsOnAlicesOrderFindNothingAndChangeNothing() {
        String order = ids.get("{order}");
        for (String command : List.of("cancel", "payment")) {
            Response refused = shop.as("bob").body("{}").post(shop.gateway + "/api/orders/{id}/" + command, order);
            assertThat(refused.statusCode()).as(command).isEqualTo(404);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
        shop.as("alice").get(shop.gateway + "/api/orders/{id}", order).then().statusCode(200)
                .body("status", is("PAID"));
        shop.awaitStoreOrder(order, "RECEIVED");
    }

    private String resolve(String template) {
        String path = template;
        for (Map.Entry<String, String> id : ids.entrySet()) {
            path = path.replace(id.getKey(), id.getValue());
        }
        return path;
    }

    private record Answer(int status, String contentType, String body) {

        boolean isProblem() {
            if (contentType == null || !contentType.startsWith("application/problem+json")) {
                return false;
            }
            try {
                return new JsonObject(body).getInteger("status") == status;
            } catch (RuntimeException notJson) {
                return false;
            }
        }
    }

    private Answer call(String caller, String method, String path, String body) {
        RequestSpecification request = caller.equals("anonymous") ? given().contentType(ContentType.JSON) : shop.as(caller);
        if (body != null) {
            request = request.body(body);
        }
        Response response = request.request(method, shop.gateway + path);
        return new Answer(response.statusCode(), response.contentType(), response.asString());
    }

    /** A stream answers its headers at once and then stays open: the answer is its status, read without waiting for more. */
    private Answer stream(String caller, String path) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(shop.gateway + path)).header("Accept", "text/event-stream");
        if (!caller.equals("anonymous")) {
            request.header("Authorization", "Bearer " + shop.token(caller));
        }
        HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            String text = response.statusCode() == 200 ? "" : new String(body.readAllBytes());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null), text);
        }
    }
}
