package dev.fashionshop.local;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import io.restassured.http.ContentType;
import io.vertx.core.json.JsonArray;

/**
 * Clients that go away in the middle of an answer, the runner's gateway between them and the services:
 * the end of a large answer and a stream of server-sent events that never ends. It is no error in the
 * runner's log, the gateway lets go of each exchange with the service (its connection is closed), and
 * it goes on serving.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(RunningShop.class)
class GatewayDisconnectTest {

    private static final List<String> ERRORS = List.of("Response has already been written", "Unhandled exception");
    private static final int CLIENTS = 10;

    private static final int LARGE_ITEMS = 16;

    private ShopApi shop;
    private RunnerProcess runner;

    @BeforeAll
    void connect(ShopApi shop) {
        this.shop = shop;
        this.runner = RunningShop.runner();
    }

    @Test
    void clientsLeavingInTheMiddleOfLargeAnswersAreNoErrorAndTheGatewayGoesOnServing() throws Exception {
        String tag = "LARGE" + UUID.randomUUID().toString().replace("-", "");
        // sixteen items of 375 variants (each registered within the 64 KiB a body may carry): the catalogue's
        // answer for them is some 600 KB
        for (int item = 0; item < LARGE_ITEMS; item++) {
            shop.as("owner").body(largeItem(tag, item)).post(shop.gateway + "/api/items").then().statusCode(201);
        }
        String catalogue = "/api/catalog?size=500&category=" + tag;
        Awaitility.await("the large items in the catalogue").atMost(ShopApi.SAGA_STEP).pollInterval(Duration.ofSeconds(1))
                .until(() -> new JsonArray(given().get(shop.gateway + catalogue).asString()).size() == LARGE_ITEMS);

        for (int i = 0; i < CLIENTS; i++) {
            try (LeavingClient client = LeavingClient.get(shop.gateway, catalogue, null)) {
                assertThat(client.head()).startsWith("HTTP/1.1 200");
            }
        }

        assertThat(new JsonArray(given().get(shop.gateway + catalogue).then().statusCode(200).extract().asString())).hasSize(LARGE_ITEMS);
        assertNoErrorLogged();
    }

    @Test
    void clientsLeavingTheirStreamsAreNoErrorAndTheGatewayLetsGoOfTheStreamsUpstream() throws Exception {
        String token = given().contentType(ContentType.JSON).body("{\"username\": \"alice\", \"password\": \"alice\"}")
                .post(shop.gateway + "/api/auth/token").then().statusCode(200).extract().path("access_token");
        int orderView = URI.create(shop.serviceUrl("order-view-service")).getPort();
        long gateway = runner.handle().pid();

        String sku = "STREAMED-" + UUID.randomUUID();
        String itemId = shop.registerItem(sku, 100, 1000);
        shop.awaitCatalogued(itemId, sku);

        List<LeavingClient> streams = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            streams.add(LeavingClient.send(shop.gateway, "/api/my-orders/stream", token));
        }
        // each stream is answered at once, and a change of one of alice's orders comes down each
        shop.paidOrder("alice", itemId, sku, 1);
        for (LeavingClient stream : streams) {
            assertThat(stream.head()).startsWith("HTTP/1.1 200").containsIgnoringCase("text/event-stream");
        }
        // each open stream holds one connection from the gateway to order-view-service
        Set<Long> whileStreaming = Awaitility.await("a connection to order-view-service per stream").atMost(Duration.ofSeconds(5))
                .until(() -> TcpConnections.of(gateway, orderView), open -> open.size() >= CLIENTS);

        for (LeavingClient stream : streams) {
            stream.close();
        }

        Awaitility.await("the streams' connections to order-view-service closed").atMost(Duration.ofSeconds(15))
                .until(() -> {
                    Set<Long> stillOpen = new HashSet<>(TcpConnections.of(gateway, orderView));
                    stillOpen.retainAll(whileStreaming);
                    return stillOpen.size() <= whileStreaming.size() - CLIENTS;
                });
        shop.as("alice").get(shop.gateway + "/api/my-orders").then().statusCode(200);
        assertNoErrorLogged();
    }

    private static String largeItem(String tag, int item) {
        String variants = IntStream.range(0, 375)
                .mapToObj(n -> """
                        {"sku": "%s-%d-%04d", "size": "M", "colour": "midnight blue with a thin silver stripe", "stock": 1}"""
                        .formatted(tag, item, n))
                .collect(Collectors.joining(","));
        return """
                {"name": "Large %d", "description": "%s", "category": "%s", "price": 1000, "currency": "EUR",
                 "variants": [%s]}""".formatted(item, "x".repeat(1_500), tag, variants);
    }

    /** The runner's console and its logs (the gateway's Vert.x logs to infrastructure.log). */
    private void assertNoErrorLogged() throws Exception {
        Path logs = runner.dataDirectory().resolve("logs");
        List<String> lines = new ArrayList<>(runner.console());
        lines.addAll(Files.readAllLines(logs.resolve("infrastructure.log")));
        assertThat(lines).noneMatch(line -> ERRORS.stream().anyMatch(line::contains));
    }
}
