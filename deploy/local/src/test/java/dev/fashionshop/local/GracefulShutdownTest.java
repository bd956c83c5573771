package dev.fashionshop.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The local counterpart of a zero-downtime rolling update: two instances of order-service behind the
 * gateway (the shared shop runs two), one gets SIGTERM while buyers keep ordering and reading. It
 * turns not ready at once, gets no new requests, finishes the ones it has, and stops; not one request
 * fails.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(RunningShop.class)
@Order(Integer.MAX_VALUE - 3)
class GracefulShutdownTest {

    private ShopApi shop;

    @BeforeAll
    void connect(ShopApi shop) {
        this.shop = shop;
    }

    @Test
    void anInstanceStoppedWithSigtermFailsNoRequest() throws Exception {
        List<JsonObject> instances = orderServiceInstances();
        assertThat(instances).hasSize(2).allSatisfy(i -> assertThat(i.getString("health")).isEqualTo("UP"));
        String sku = "ROLLING-" + UUID.randomUUID();
        String itemId = shop.registerItem(sku, 100_000, 1000);
        shop.awaitCatalogued(itemId, sku);

        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger requests = new AtomicInteger();
        Map<String, Integer> failures = new ConcurrentHashMap<>();
        ExecutorService buyers = Executors.newFixedThreadPool(4);
        List<Future<?>> load = List.of(0, 1, 2, 3).stream().map(n -> buyers.submit(() -> {
            while (running.get()) {
                Response response = n % 2 == 0
                        ? shop.as("alice").body(ShopApi.orderBody(itemId, sku, 1, null)).post(shop.gateway + "/api/orders")
                        : shop.as("bob").get(shop.gateway + "/api/orders");
                requests.incrementAndGet();
                if (response.statusCode() >= 300) {
                    failures.merge(response.statusCode() + " " + response.asString(), 1, Integer::sum);
                }
            }
        })).<Future<?>> map(f -> f).toList();

        Awaitility.await().until(() -> requests.get() > 20);
        long victim = instances.get(0).getLong("pid");
        int requestsBefore = requests.get();
        ProcessHandle.of(victim).orElseThrow().destroy(); // SIGTERM
        Awaitility.await("the instance to stop").atMost(Duration.ofMinutes(1))
                .until(() -> ProcessHandle.of(victim).isEmpty());
        // the runner starts a new one, as a Deployment replaces its pod; the load goes on meanwhile
        Awaitility.await("a new instance ready").atMost(Duration.ofMinutes(3))
                .until(() -> orderServiceInstances().stream().allMatch(i -> "UP".equals(i.getString("health"))
                        && i.getLong("pid") != victim));
        running.set(false);
        for (Future<?> buyer : load) {
            buyer.get();
        }
        buyers.shutdown();

        System.out.printf("Rolling restart of order-service: %d requests, %d during the restart, failures %s%n",
                requests.get(), requests.get() - requestsBefore, failures);
        assertThat(requests.get() - requestsBefore).isGreaterThan(50);
        assertThat(failures).isEmpty();
        shop.assertAuditPasses();
    }

    private List<JsonObject> orderServiceInstances() {
        return new JsonArray(RestAssured.get(shop.gateway + "/local/services").asString()).stream()
                .map(JsonObject.class::cast).filter(s -> "order-service".equals(s.getString("name"))).toList();
    }
}
