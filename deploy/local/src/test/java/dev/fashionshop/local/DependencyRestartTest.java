package dev.fashionshop.local;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
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
 * Kubernetes: while the database is away each service is not ready, as it can serve nothing; while the
 * broker is away each stays ready and orders are still taken and paid, their events waiting in the
 * outboxes. Liveness holds through both (nobody is restarted), and when the dependency is back the saga
 * goes on. The services are probed as the kubelet probes them: a probe fails when it answers anything but
 * 200 or takes over 2 s, and a service counts as not ready, or not live, after three failures in a row.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(RunningShop.class)
@Order(Integer.MAX_VALUE - 2)
class DependencyRestartTest {

    private static final List<String> SERVICES = ServiceSpec.SHOP.stream().map(ServiceSpec::name).toList();

    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration PROBE_PERIOD = Duration.ofMillis(250);
    /** The kubelet's failureThreshold: so many failed probes in a row and it acts. */
    private static final int FAILURE_THRESHOLD = 3;
    private static final Duration ORDER_PERIOD = Duration.ofSeconds(2);
    /** What ShopKafkaUnreachable reads: a service's consumers' connections to the broker. */
    private static final String BROKER_CONNECTIONS = "kafka_consumer_connection_count";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(PROBE_TIMEOUT).build();
    private ShopApi shop;

    @BeforeAll
    void connect(ShopApi shop) {
        this.shop = shop;
    }

    @Test
    void whileTheDatabaseIsAwayEveryServiceIsNotReadyAndItIsReadyAgainWhenItIsBack() throws Exception {
        Map<String, Integer> restartsBefore = shop.restartsOfEachService();

        Probes probes = probeWhileRestarting("postgres", () -> {
        });

        assertThat(probes.notReady).as("services not ready").containsExactlyInAnyOrderElementsOf(SERVICES);
        assertThat(probes.notLive).as("services not live").isEmpty();
        SERVICES.forEach(shop::awaitServiceUp);
        assertThat(shop.restartsOfEachService()).as("restarts of each service").isEqualTo(restartsBefore);

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
        String before = shop.paidOrder("bob", itemId, sku, 1);
        Map<String, Integer> restartsBefore = shop.restartsOfEachService();

        List<String> answers = Collections.synchronizedList(new ArrayList<>());
        List<String> takenWhileAway = Collections.synchronizedList(new ArrayList<>());
        Instant[] nextOrder = { Instant.now() };
        Probes probes = probeWhileRestarting("kafka", () -> {
            if (Instant.now().isBefore(nextOrder[0])) {
                return;
            }
            nextOrder[0] = Instant.now().plus(ORDER_PERIOD);
            // away as the alert sees it: order-service's consumers hold no connection to the broker
            boolean brokerAway = shop.metrics("order-service").sum(BROKER_CONNECTIONS) == 0;
            var answer = shop.order("bob", itemId, sku, 1, null);
            answers.add(answer.statusCode() + " " + answer.jsonPath().getString("status"));
            if (brokerAway && answer.statusCode() == 201) {
                takenWhileAway.add(answer.jsonPath().getString("id"));
            }
        });

        assertThat(probes.notReady).as("services not ready").isEmpty();
        assertThat(probes.notLive).as("services not live").isEmpty();
        assertThat(shop.restartsOfEachService()).as("restarts of each service").isEqualTo(restartsBefore);
        assertThat(answers).as("answers to the orders placed meanwhile").isNotEmpty().containsOnly("201 PAID");
        assertThat(takenWhileAway).as("orders taken while order-service had no connection to the broker").hasSizeGreaterThanOrEqualTo(3);
        Awaitility.await("order-service connected to the broker again").atMost(ShopApi.SAGA_STEP)
                .until(() -> shop.metrics("order-service").sum(BROKER_CONNECTIONS) > 0);
        // what was taken while the broker was away goes on once it is back
        for (String orderId : takenWhileAway) {
            shop.awaitStoreOrder(orderId, "RECEIVED");
            shop.awaitView("bob", orderId, "PAID");
        }
        shop.awaitStoreOrder(before, "RECEIVED");
        shop.assertAuditPasses();
    }

    /** The services seen not ready and not live, each after {@value #FAILURE_THRESHOLD} failed probes in a row. */
    private record Probes(Set<String> notReady, Set<String> notLive) {
    }

    /**
     * Restarts the dependency, down 15 s, and probes every service's readiness and liveness a few times a
     * second until it is back, doing {@code meanwhile} after each round; the restart has ended when this returns,
     * whatever {@code meanwhile} threw.
     */
    private Probes probeWhileRestarting(String dependency, Runnable meanwhile) throws Exception {
        Map<String, String> urls = new ConcurrentHashMap<>();
        SERVICES.forEach(name -> urls.put(name, shop.serviceUrl(name)));
        Map<String, Integer> readyFailures = new ConcurrentHashMap<>();
        Map<String, Integer> liveFailures = new ConcurrentHashMap<>();
        Probes probes = new Probes(ConcurrentHashMap.newKeySet(), ConcurrentHashMap.newKeySet());
        CompletableFuture<Integer> restart = CompletableFuture.supplyAsync(() -> given()
                .post(shop.gateway + "/local/infrastructure/{what}/restart?down=PT15S", dependency).statusCode());
        try {
            Awaitility.await().atMost(Duration.ofMinutes(2)).pollDelay(Duration.ZERO).pollInterval(PROBE_PERIOD)
                    .until(() -> {
                        urls.entrySet().parallelStream().forEach(service -> {
                            probe(service.getKey(), service.getValue() + "/q/health/ready", readyFailures, probes.notReady);
                            probe(service.getKey(), service.getValue() + "/q/health/live", liveFailures, probes.notLive);
                        });
                        meanwhile.run();
                        return restart.isDone();
                    });
        } finally {
            // the dependency is back before the next test, even when this one failed part-way
            restart.exceptionally(failed -> -1).join();
        }
        assertThat(restart.get()).as("the restart's answer").isEqualTo(200);
        return probes;
    }

    private void probe(String service, String url, Map<String, Integer> failuresInARow, Set<String> failed) {
        if (status(url) == 200) {
            failuresInARow.put(service, 0);
        } else if (failuresInARow.merge(service, 1, Integer::sum) >= FAILURE_THRESHOLD) {
            failed.add(service);
        }
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
