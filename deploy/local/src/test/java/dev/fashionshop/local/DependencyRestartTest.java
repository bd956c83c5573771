package dev.fashionshop.local;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.fashionshop.local.services.ServiceSpec;

/**
 * The database or the broker restarting is survived by every service without anyone's help: while it
 * is away each service reports not ready, or does not answer its readiness probe in time, which
 * Kubernetes counts the same (and stays alive: the runner restarts nobody), and when it is
 * back they are ready again and the saga goes on.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(RunningShop.class)
@Order(Integer.MAX_VALUE - 2)
class DependencyRestartTest {

    private static final List<String> SERVICES = ServiceSpec.SHOP.stream().map(ServiceSpec::name).toList();

    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(PROBE_TIMEOUT).build();
    private ShopApi shop;

    @BeforeAll
    void connect(ShopApi shop) {
        this.shop = shop;
    }

    @ParameterizedTest
    @ValueSource(strings = { "postgres", "kafka" })
    void everyServiceIsNotReadyWhileItIsAwayAndReadyAgainWhenItIsBack(String dependency) throws Exception {
        Map<String, Integer> restartsBefore = new ConcurrentHashMap<>();
        SERVICES.forEach(name -> restartsBefore.put(name, shop.service(name).getInteger("restarts")));
        Map<String, String> urls = new ConcurrentHashMap<>();
        SERVICES.forEach(name -> urls.put(name, shop.serviceUrl(name)));

        CompletableFuture<Integer> restart = CompletableFuture.supplyAsync(() -> given()
                .post(shop.gateway + "/local/infrastructure/{what}/restart?down=PT15S", dependency).statusCode());
        Map<String, Boolean> seenNotReady = new ConcurrentHashMap<>();
        // probe every service a few times a second, as the kubelet would, until the dependency is back
        Awaitility.await().atMost(Duration.ofMinutes(2)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    urls.entrySet().parallelStream().forEach(service -> {
                        if (status(service.getValue() + "/q/health/ready") != 200) {
                            seenNotReady.put(service.getKey(), true);
                        }
                    });
                    return restart.isDone();
                });
        assertThat(restart.get()).isEqualTo(200);

        assertThat(seenNotReady.keySet()).as("services that said they were not ready").containsExactlyInAnyOrderElementsOf(SERVICES);
        SERVICES.forEach(shop::awaitServiceUp);
        // liveness stayed up: the runner, which kills a service after 3 failed liveness probes, restarted none
        SERVICES.forEach(name -> assertThat(shop.service(name).getInteger("restarts")).as(name).isEqualTo(restartsBefore.get(name)));

        // and the saga goes on
        String sku = "AFTER-" + dependency + "-" + UUID.randomUUID();
        String itemId = shop.registerItem(sku, 3, 1000);
        String orderId = shop.paidOrder("alice", itemId, sku, 1);
        shop.awaitStoreOrder(orderId, "RECEIVED");
        shop.awaitView("alice", orderId, "PAID");
        shop.assertAuditPasses();
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
