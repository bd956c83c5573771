package dev.fashionshop.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import io.restassured.response.Response;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The shop killed as a power cut would kill it, and what a killed runner leaves behind. The tests share
 * one data directory and go in order: SIGKILL to every process of the shop while two buyers order, then
 * every order answered 2xx is there after a restart and finishes its saga (invariant 7); a runner killed
 * with its watchdog leaves its services and PostgreSQL running, and the next start stops them; a second
 * runner on the directory is refused; a runner killed alone is cleaned up after by its watchdog.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Order(2)
class CrashRecoveryTest {

    /** After a kill, each consumer group waits for its dead members' sessions (45 s) before it moves again. */
    private static final Duration AFTER_A_CRASH = Duration.ofMinutes(3);

    private Path dataDirectory;
    private RunnerProcess runner;
    private ShopApi shop;
    /** Every order the gateway answered 2xx for, and its buyer. */
    private final Map<String, String> answered = new ConcurrentHashMap<>();

    @BeforeAll
    void startTheShop() throws IOException {
        dataDirectory = Files.createTempDirectory("shop-crash");
        start();
    }

    @AfterAll
    void stopWhateverIsLeft() {
        runner.killIfAlive();
    }

    private void start() throws IOException {
        runner = RunnerProcess.start(dataDirectory, RunningShop.ENVIRONMENT);
        shop = new ShopApi(runner.awaitReady(), runner.postgresPort(), runner.kafkaBootstrapServers());
    }

    @Test
    @Order(1)
    void everyOrderAnsweredBeforeAKillOfEverythingIsThereAfterwardsAndFinishesItsSaga() throws Exception {
        String sku = "KILL-" + UUID.randomUUID();
        String itemId = shop.registerItem(sku, 100_000, 1200);
        shop.awaitCatalogued(itemId, sku);

        AtomicBoolean ordering = new AtomicBoolean(true);
        ExecutorService buyers = Executors.newFixedThreadPool(2);
        List<Future<?>> streams = List.of("alice", "bob").stream()
                .<Future<?>>map(buyer -> buyers.submit(() -> orderUntilStopped(buyer, itemId, sku, ordering))).toList();
        Awaitility.await("orders answered").atMost(Duration.ofMinutes(2)).until(() -> answered.size() >= 12);
        ShopProcesses.killAll(ShopProcesses.on(dataDirectory));
        ordering.set(false);
        for (Future<?> stream : streams) {
            stream.get();
        }
        buyers.shutdown();
        Awaitility.await("every process of the shop gone").atMost(Duration.ofSeconds(30))
                .until(() -> ShopProcesses.on(dataDirectory).isEmpty() && !runner.handle().isAlive());
        System.out.printf("Killed the shop after %d orders answered 2xx%n", answered.size());

        start();

        answered.forEach((orderId, buyer) -> shop.as(buyer).get(shop.gateway + "/api/orders/{id}", orderId)
                .then().statusCode(200).body("status", is("PAID")));
        Awaitility.await("every order at the store").atMost(AFTER_A_CRASH).untilAsserted(() -> answered.keySet()
                .forEach(orderId -> shop.as("owner").get(shop.gateway + "/api/store/orders/{id}", orderId)
                        .then().statusCode(200).body("status", is("RECEIVED"))));
        answered.keySet().forEach(shop::accept);
        answered.forEach((orderId, buyer) -> shop.awaitOrder(buyer, orderId, "SHIPPING"));
        for (String buyer : List.of("alice", "bob")) {
            List<String> theirs = answered.entrySet().stream().filter(order -> order.getValue().equals(buyer))
                    .map(Map.Entry::getKey).toList();
            Awaitility.await(buyer + "'s orders in the view").atMost(ShopApi.SAGA_STEP)
                    .until(() -> myOrders(buyer).containsAll(theirs));
        }
        shop.assertAuditPasses();
    }

    private void orderUntilStopped(String buyer, String itemId, String sku, AtomicBoolean ordering) {
        while (ordering.get()) {
            try {
                Response response = shop.as(buyer).body(ShopApi.orderBody(itemId, sku, 1, null)).post(shop.gateway + "/api/orders");
                if (response.statusCode() / 100 == 2) {
                    answered.put(response.path("id"), buyer);
                }
            } catch (Exception noAnswer) {
                // the shop was killed under this request: it was not answered
            }
        }
    }

    private List<String> myOrders(String buyer) {
        return new JsonArray(shop.as(buyer).queryParam("size", 500).get(shop.gateway + "/api/my-orders").asString()).stream()
                .map(order -> ((JsonObject) order).getString("orderId")).toList();
    }

    @Test
    @Order(2)
    void aStartStopsWhatAKilledRunnerLeftRunning() throws Exception {
        ProcessHandle watchdog = ShopProcesses.on(dataDirectory).stream().filter(ShopProcesses::isWatchdog).findFirst().orElseThrow();
        List<ProcessHandle> services = runner.handle().children().filter(child -> !ShopProcesses.isWatchdog(child)).toList();
        ProcessHandle postgres = ShopProcesses.postmaster(dataDirectory).orElseThrow();
        assertThat(services).hasSize(5);

        // the watchdog, frozen, cannot stop anything when the runner dies: as if it had been killed with it
        signal("-STOP", watchdog);
        runner.handle().destroyForcibly();
        Awaitility.await("the runner gone").atMost(Duration.ofSeconds(10)).until(() -> !runner.handle().isAlive());
        assertThat(services).as("the services, orphaned").allMatch(ProcessHandle::isAlive);
        assertThat(postgres.isAlive()).as("PostgreSQL, still on the data directory").isTrue();

        start();

        assertThat(services).noneMatch(ProcessHandle::isAlive);
        assertThat(postgres.isAlive()).isFalse();
        assertThat(watchdog.isAlive()).isFalse();
        String recovery = runner.console().stream().filter(line -> line.startsWith("Stopped what a previous run left running"))
                .findFirst().orElseThrow(() -> new AssertionError("The runner did not say what it stopped"));
        assertThat(recovery).contains("PostgreSQL (pid " + postgres.pid() + ")", "the watchdog (pid " + watchdog.pid() + ")");
        services.forEach(service -> assertThat(recovery).contains("(pid " + service.pid() + ")"));
        // and the orders are there, in a database that was stopped cleanly
        answered.forEach((orderId, buyer) -> shop.as(buyer).get(shop.gateway + "/api/orders/{id}", orderId)
                .then().statusCode(200).body("status", is("SHIPPING")));
    }

    @Test
    @Order(3)
    void aSecondRunnerOnTheSameDataDirectoryIsRefusedAndTouchesNothing() throws Exception {
        List<ProcessHandle> shopProcesses = ShopProcesses.on(dataDirectory);

        RunnerProcess second = RunnerProcess.start(dataDirectory);

        assertThat(second.awaitExit(Duration.ofMinutes(1))).isEqualTo(1);
        assertThat(second.console()).anyMatch(line -> line.contains("Another runner (pid " + runner.handle().pid() + ")")
                && line.contains(dataDirectory.toString()));
        assertThat(shopProcesses).allMatch(ProcessHandle::isAlive);
        Map.Entry<String, String> order = answered.entrySet().iterator().next();
        shop.as(order.getValue()).get(shop.gateway + "/api/orders/{id}", order.getKey()).then().statusCode(200);
    }

    @Test
    @Order(4)
    void theWatchdogStopsEverythingWhenTheRunnerIsKilled() throws Exception {
        List<ProcessHandle> shopProcesses = ShopProcesses.on(dataDirectory);
        assertThat(shopProcesses).anyMatch(ShopProcesses::isWatchdog).anyMatch(ShopProcesses::isPostgres);

        runner.handle().destroyForcibly();

        Awaitility.await("every process of the shop to end").atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> shopProcesses.stream().noneMatch(ProcessHandle::isAlive));
        assertThat(ShopProcesses.on(dataDirectory)).isEmpty();
    }

    private static void signal(String signal, ProcessHandle process) throws Exception {
        assertThat(new ProcessBuilder("kill", signal, String.valueOf(process.pid())).inheritIO().start().waitFor()).isZero();
    }
}
