package dev.fashionshop.local;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.fashionshop.local.services.ServiceSpec;

/**
 * The database or the broker restarting is survived by every service without anyone's help, as on
 * Kubernetes: while the database is away each service reports not ready (or does not answer its
 * readiness probe in time, which counts the same), as it can serve nothing; while the broker is away
 * each stays ready and orders are still taken and paid, their events waiting in the outboxes. Nobody is
 * restarted (liveness does not depend on either), and when the dependency is back the saga goes on.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(RunningShop.class)
@Order(Integer.MAX_VALUE - 2)
class DependencyRestartTest {

    private static final List<String> SERVICES = ServiceSpec.SHOP.stream().map(ServiceSpec::name).toList();

    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration PROBE_PERIOD = Duration.ofMillis(250);
    /** While the broker is away, an order is placed every so many probes (about every 2 s). */
    private static final int PROBES_PER_ORDER = 8;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(PROBE_TIMEOUT).build();
    private ShopApi shop;

    @BeforeAll
    void connect(ShopApi shop) {
        this.shop = shop;
    }

    @Test
    void whileTheDatabaseIsAwayEveryServiceIsNotReadyAndItIsReadyAgainWhenItIsBack() throws Exception {
        Map<String, Integer> restartsBefore = restarts();

        Set<String> notReady = probeReadinessWhileRestarting("postgres", () -> {
        });

        assertThat(notReady).as("services that said they were not ready").containsExactlyInAnyOrderElementsOf(SERVICES);
        SERVICES.forEach(shop::awaitServiceUp);
        assertThat(restarts()).as("restarts of each service").isEqualTo(restartsBefore);

        // and the saga goes on
        String sku = "AFTER-postgres-" + UUID.randomUUID();
        String itemId = shop.registerItem(sku, 3, 1000);
        String orderId = shop.paidOrder("alice", itemId, sku, 1);
        shop.awaitStoreOrder(orderId, "RECEIVED");
        shop.awaitView("alice", orderId, "PAID");
        shop.assertAuditPasses();
    }

    @Test
    void whileTheBrokerIsAwayEveryServiceStaysReadyAndOrdersAreTakenAndPaid() throws Exception {
        String sku = "DURING-kafka-" + UUID.randomUUID();
        String itemId = shop.registerItem(sku, 100, 1000);
        // the item is in order-service's catalogue (an event away) before the broker goes
        List<String> taken = new ArrayList<>(List.of(shop.paidOrder("bob", itemId, sku, 1)));
        Map<String, Integer> restartsBefore = restarts();

        int[] probes = { 0 };
        Set<String> notReady = probeReadinessWhileRestarting("kafka", () -> {
            if (probes[0]++ % PROBES_PER_ORDER == 0) {
                taken.add(shop.paidOrder("bob", itemId, sku, 1));
            }
        });

        assertThat(notReady).as("services that said they were not ready").isEmpty();
        assertThat(restarts()).as("restarts of each service").isEqualTo(restartsBefore);
        assertThat(taken).as("orders taken and paid, one before the restart").hasSizeGreaterThan(5);
        // what was taken while the broker was away goes on once it is back
        for (String orderId : taken) {
            shop.awaitStoreOrder(orderId, "RECEIVED");
            shop.awaitView("bob", orderId, "PAID");
        }
        shop.assertAuditPasses();
    }

    /**
     * Restarts the dependency, down 15 s, and probes every service's readiness a few times a second as the
     * kubelet would, doing {@code meanwhile} after each round, until it is back; answers the services that
     * were seen not ready.
     */
    private Set<String> probeReadinessWhileRestarting(String dependency, Runnable meanwhile) throws Exception {
        Map<String, String> urls = new ConcurrentHashMap<>();
        SERVICES.forEach(name -> urls.put(name, shop.serviceUrl(name)));
        Set<String> notReady = ConcurrentHashMap.newKeySet();
        CompletableFuture<Integer> restart = CompletableFuture.supplyAsync(() -> given()
                .post(shop.gateway + "/local/infrastructure/{what}/restart?down=PT15S", dependency).statusCode());
        Awaitility.await().atMost(Duration.ofMinutes(2)).pollDelay(Duration.ZERO).pollInterval(PROBE_PERIOD)
                .until(() -> {
                    urls.entrySet().parallelStream().forEach(service -> {
                        if (status(service.getValue() + "/q/health/ready") != 200) {
                            notReady.add(service.getKey());
                        }
                    });
                    meanwhile.run();
                    return restart.isDone();
                });
        assertThat(restart.get()).isEqualTo(200);
        return notReady;
    }

    private Map<String, Integer> restarts() {
        Map<String, Integer> restarts = new ConcurrentHashMap<>();
        SERVICES.forEach(name -> restarts.put(name, shop.service(name).getInteger("restarts")));
        return restarts;
    }

    /** A probe as Kubernetes makes it: an answer that takes longer than its timeout (2 s here) is a failure. */
    private int status(String url) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(PROBE_TIMEOUT).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException unreachableOrTooSlow) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
