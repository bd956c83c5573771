package dev.fashionshop.local;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

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
 * is away each service reports not ready (and stays alive: the runner restarts nobody), and when it is
 * back they are ready again and the saga goes on.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(RunningShop.class)
@Order(Integer.MAX_VALUE - 2)
class DependencyRestartTest {

    private static final List<String> SERVICES = ServiceSpec.SHOP.stream().map(ServiceSpec::name).toList();

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
        Map<String, Boolean> seenNotLive = new ConcurrentHashMap<>();
        while (!restart.isDone()) {
            urls.forEach((name, url) -> {
                if (status(url + "/q/health/ready") == 503) {
                    seenNotReady.put(name, true);
                }
                if (status(url + "/q/health/live") != 200) {
                    seenNotLive.put(name, true);
                }
            });
            TimeUnit.MILLISECONDS.sleep(250);
        }
        assertThat(restart.get()).isEqualTo(200);

        assertThat(seenNotReady.keySet()).as("services that said they were not ready").containsExactlyInAnyOrderElementsOf(SERVICES);
        assertThat(seenNotLive.keySet()).as("services that said they were not alive").isEmpty();
        SERVICES.forEach(shop::awaitServiceUp);
        SERVICES.forEach(name -> assertThat(shop.service(name).getInteger("restarts")).as(name).isEqualTo(restartsBefore.get(name)));

        // and the saga goes on
        String sku = "AFTER-" + dependency + "-" + UUID.randomUUID();
        String itemId = shop.registerItem(sku, 3, 1000);
        String orderId = shop.paidOrder("alice", itemId, sku, 1);
        shop.awaitStoreOrder(orderId, "RECEIVED");
        shop.awaitView("alice", orderId, "PAID");
        shop.assertAuditPasses();
    }

    private static int status(String url) {
        try {
            return given().get(url).statusCode();
        } catch (RuntimeException unreachable) {
            return -1;
        }
    }
}
