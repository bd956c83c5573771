package dev.fashionshop.local;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.vertx.core.json.JsonObject;

/**
 * One order is one trace, across the shop: the services export their spans to the runner (OTLP), which keeps
 * them in memory with the gateway's own; the trace that placed an order runs from the gateway through
 * order-service, its call to payment-service, the outbox relay's send and every consumer of OrderPlaced; and
 * the services' log lines name the trace they were written in.
 */
@AuditedJourneys
class OrderTraceTest {

    private static final Set<String> PLACING = Set.of("gateway", "order-service", "payment-service", "store-service",
            "order-view-service");

    private ShopApi shop;

    @BeforeAll
    void connect(ShopApi shop) {
        this.shop = shop;
    }

    @Test
    void aPlacedOrderIsOneTraceFromTheGatewayThroughPaymentToEveryConsumerOfItsEvent() {
        String sku = "TRACE-" + UUID.randomUUID();
        String itemId = shop.registerItem(sku, 5, 2500);
        shop.awaitCatalogued(itemId, sku);

        String orderId = shop.paidOrder("alice", itemId, sku, 1);

        JsonObject trace = Awaitility.await("the order's trace from every service").atMost(ShopApi.SAGA_STEP)
                .until(() -> firstTraceOf(orderId), found -> found != null && services(found).containsAll(PLACING)
                        && holdsSpan(found, "order-service producer") && holdsSpan(found, "store-service consumer")
                        && holdsSpan(found, "order-view-service consumer"));
        List<JsonObject> spans = spans(trace);
        Map<String, JsonObject> byId = spans.stream().collect(Collectors.toMap(s -> s.getString("spanId"), Function.identity()));
        List<JsonObject> roots = spans.stream().filter(span -> !byId.containsKey(span.getString("parentSpanId"))).toList();
        assertThat(roots).as("one root: every other span's parent is in the trace")
                .singleElement().satisfies(root -> assertThat(root.getString("service")).isEqualTo("gateway"));
        JsonObject storeHandling = spans.stream()
                .filter(s -> s.getString("service").equals("store-service") && s.getString("name").equals("handle OrderPlaced"))
                .findFirst().orElseThrow();
        assertThat(ancestorServices(storeHandling, byId)).as("the store's handling, back to the request that placed the order")
                .containsSubsequence("store-service", "order-service", "gateway");
        assertThat(spans).as("the request that placed it names the order")
                .anySatisfy(span -> assertThat(span.getJsonObject("attributes").getString("shop.order.id")).isEqualTo(orderId));
        assertThat(spans).as("order-service's call to payment-service, and payment-service's answer to it")
                .anySatisfy(span -> assertThat(span.getString("service") + " " + span.getString("kind"))
                        .isEqualTo("order-service client"))
                .anySatisfy(span -> assertThat(span.getString("service") + " " + span.getString("kind"))
                        .isEqualTo("payment-service server"));
    }

    @Test
    void aLogLineCarriesTheTraceOfTheRequestItWasWrittenIn() throws Exception {
        String sku = "TRACE-" + UUID.randomUUID();
        String itemId = shop.registerItem(sku, 5, 2500);
        shop.awaitCatalogued(itemId, sku);
        String orderId;
        shop.paymentSimulator(0, 1.0);
        try {
            orderId = shop.order("bob", itemId, sku, 1, null).then().statusCode(503).extract().path("orderId");
        } finally {
            shop.paymentSimulator(0, 0);
        }

        String traceId = Awaitility.await("the deferred order's trace").atMost(ShopApi.SAGA_STEP)
                .until(() -> firstTraceOf(orderId), found -> found != null).getString("traceId");
        Path logs = RunningShop.runner().dataDirectory().resolve("logs");
        List<String> deferral;
        try (Stream<Path> files = Files.list(logs)) {
            deferral = files.filter(file -> file.getFileName().toString().startsWith("order-service"))
                    .flatMap(OrderTraceTest::lines)
                    .filter(line -> line.contains("Payment of order " + orderId + " deferred")).toList();
        }
        assertThat(deferral).as("order-service's warning, written while it answered the request")
                .isNotEmpty().allSatisfy(line -> assertThat(line).contains("traceId=" + traceId));
    }

    private static Stream<String> lines(Path file) {
        try {
            return Files.readAllLines(file).stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonObject firstTraceOf(String orderId) {
        JsonObject answer = new JsonObject(given().queryParam("order", orderId).get(shop.gateway + "/local/traces")
                .then().statusCode(200).extract().asString());
        return answer.getJsonArray("traces").isEmpty() ? null : answer.getJsonArray("traces").getJsonObject(0);
    }

    private static Set<String> services(JsonObject trace) {
        return trace.getJsonArray("services").stream().map(String.class::cast).collect(Collectors.toSet());
    }

    /**
     * Each service exports its spans in its own batches, so a consumer's span can reach the runner before the
     * relay's send that it hangs from: the trace is read once every span the assertions join up has arrived.
     */
    private static boolean holdsSpan(JsonObject trace, String serviceAndKind) {
        return spans(trace).stream().anyMatch(span -> (span.getString("service") + " " + span.getString("kind")).equals(serviceAndKind));
    }

    private static List<JsonObject> spans(JsonObject trace) {
        return trace.getJsonArray("spans").stream().map(JsonObject.class::cast).toList();
    }

    /** The services of the span and of its ancestors, the span's first. */
    private static List<String> ancestorServices(JsonObject span, Map<String, JsonObject> byId) {
        List<String> services = new ArrayList<>();
        for (JsonObject at = span; at != null; at = byId.get(at.getString("parentSpanId"))) {
            services.add(at.getString("service"));
        }
        return services;
    }
}
