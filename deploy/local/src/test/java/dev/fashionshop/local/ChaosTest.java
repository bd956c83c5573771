package dev.fashionshop.local;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.fashionshop.local.audit.ShopAudit;
import dev.fashionshop.local.services.ServiceSpec;
import io.restassured.response.Response;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Crash safety under fire: buyers order, pay and cancel, the owner accepts, confirms cancellations and
 * completes deliveries, all through the gateway, while services are killed with SIGKILL at random (a
 * fixed seed) and the runner restarts them. Once the stream is over and the shop is quiet, the audit
 * checks every invariant. The figures are printed; docs/chaos.md records a run.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(RunningShop.class)
@Order(Integer.MAX_VALUE)
class ChaosTest {

    static final long SEED = 20261124L;
    static final int ORDERS = Integer.getInteger("chaos.orders", 200);
    static final int KILLS = Integer.getInteger("chaos.kills", 12);
    /** Whether PostgreSQL restarts a third into the orders, and the Kafka broker two thirds in (the long run, -Pchaos). */
    static final boolean RESTARTS = Boolean.getBoolean("chaos.restarts");
    /** How long each stays down when it restarts. */
    private static final String DOWN = "PT10S";
    static final int BUYERS = 4;
    private static final List<String> VICTIMS = ServiceSpec.SHOP.stream().map(ServiceSpec::name).toList();

    private ShopApi shop;
    private final AtomicInteger placed = new AtomicInteger();
    private final AtomicInteger attempts = new AtomicInteger();
    private final AtomicInteger failedRequests = new AtomicInteger();
    private final AtomicInteger deferred = new AtomicInteger();
    private final AtomicInteger paidLater = new AtomicInteger();
    private final AtomicInteger declined = new AtomicInteger();
    private final AtomicInteger cancelled = new AtomicInteger();
    private final AtomicInteger kills = new AtomicInteger();
    private final List<String> restarts = new CopyOnWriteArrayList<>();
    /** Orders posted again with their key that answered the first order, and those that answered another. */
    private final AtomicInteger replayed = new AtomicInteger();
    private final AtomicInteger doubled = new AtomicInteger();
    /** Every order the shop answered (201, 402 or 503 with its id): each must still be there at the end. */
    private final List<String> answeredOrders = new CopyOnWriteArrayList<>();

    @BeforeAll
    void connect(ShopApi shop) {
        this.shop = shop;
    }

    @Test
    void theInvariantsHoldWhileServicesAreKilledAtRandom() throws Exception {
        Random random = new Random(SEED);
        List<String[]> items = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String sku = "CHAOS-" + i + "-" + UUID.randomUUID();
            // one scarce item, so that the store rejects some orders the replica let through
            items.add(new String[] { shop.registerItem(sku, i == 0 ? 6 : 100_000, 1000L + 500 * i), sku });
        }
        items.forEach(item -> shop.awaitCatalogued(item[0], item[1]));

        AtomicBoolean ordering = new AtomicBoolean(true);
        ExecutorService threads = Executors.newFixedThreadPool(BUYERS + 3);
        List<Future<?>> buyers = new ArrayList<>();
        AtomicInteger remaining = new AtomicInteger(ORDERS);
        for (int b = 0; b < BUYERS; b++) {
            long seed = random.nextLong();
            String buyer = b % 2 == 0 ? "alice" : "bob";
            buyers.add(threads.submit(() -> buy(buyer, new Random(seed), items, remaining)));
        }
        long ownerSeed = random.nextLong();
        Future<?> owner = threads.submit(() -> {
            Random ownerRandom = new Random(ownerSeed);
            // the owner works in rounds, a few a second, until the buyers are done
            Awaitility.await().forever().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(300))
                    .until(() -> {
                        ownerRound(ownerRandom, true);
                        return !ordering.get();
                    });
            return null;
        });
        long chaosSeed = random.nextLong();
        Future<?> chaos = threads.submit(() -> killAtRandom(new Random(chaosSeed), ordering));
        Future<?> dependencies = threads.submit(this::restartDependencies);

        for (Future<?> buyer : buyers) {
            buyer.get(20, TimeUnit.MINUTES);
        }
        chaos.get(10, TimeUnit.MINUTES); // it goes on until it killed enough, then lets the buyers finish
        dependencies.get(5, TimeUnit.MINUTES);
        ordering.set(false);
        owner.get(2, TimeUnit.MINUTES);
        threads.shutdown();

        // the dust settles: every service back, every event where it goes (a cancellation may still be on its way to
        // the store), and the owner confirms the cancellations still waiting
        long lastOrder = System.nanoTime();
        VICTIMS.forEach(shop::awaitServiceUp);
        assertThat(shop.audit().unquiet()).as("what was still moving before the owner's last round").isEmpty();
        System.out.printf("CHAOS every service up and the shop quiet %d s after the last order%n",
                Duration.ofNanos(System.nanoTime() - lastOrder).toSeconds());
        Awaitility.await("no cancellation waiting for the owner").atMost(Duration.ofMinutes(3))
                .pollDelay(Duration.ZERO).pollInterval(Duration.ofSeconds(1))
                .until(() -> ownerRound(new Random(1), false) == 0);
        long quiet = System.nanoTime();
        ShopAudit.Report report = shop.audit();
        report.print(System.out);
        System.out.printf("CHAOS restarts %s, audit (waiting for quiet included) %d s%n", restarts,
                Duration.ofNanos(System.nanoTime() - quiet).toSeconds());
        List<String> answered = answeredOrders.stream().distinct().toList();
        long lost = answered.size() - shop.queryForLong("order_service",
                "select count(*) from orders where id::text = any(string_to_array(?, ','))", String.join(",", answered));
        long notFinal = report.ordersByStatus().entrySet().stream()
                .filter(e -> !Set.of("DELIVERED", "CANCELLED", "REJECTED", "EXPIRED", "PAYMENT_DECLINED").contains(e.getKey()))
                .mapToLong(e -> e.getValue()).sum();
        System.out.printf("CHAOS seed=%d orders placed=%d (requests %d, failed requests %d, deferred %d of which paid later %d,"
                + " declined %d, cancelled %d, posted again with their key %d, of which answered another order %d)"
                + " faults injected=%d violations=%d answered and lost=%d orders not final=%d (awaiting the owner or"
                + " the courier) not quiet=%s by status %s%n", SEED, placed.get(), attempts.get(), failedRequests.get(),
                deferred.get(), paidLater.get(), declined.get(), cancelled.get(), replayed.get() + doubled.get(),
                doubled.get(), kills.get(), report.violations().size(), lost, notFinal, report.unquiet(), report.ordersByStatus());

        assertThat(placed.get()).isGreaterThanOrEqualTo(ORDERS);
        assertThat(kills.get()).isGreaterThanOrEqualTo(KILLS);
        assertThat(restarts).hasSize(RESTARTS ? 2 : 0);
        assertThat(report.unquiet()).isEmpty();
        assertThat(report.violations()).isEmpty();
        assertThat(lost).as("orders answered with their id, missing from order-service").isZero();
        assertThat(doubled.get()).as("orders posted again with their key that made another order").isZero();
        assertThat(replayed.get()).as("orders posted again with their key").isPositive();
    }

    /** A buyer's stream of orders: placed until the quota is used, some declined, some cancelled at once. */
    private Void buy(String buyer, Random random, List<String[]> items, AtomicInteger remaining) {
        while (remaining.getAndDecrement() > 0) {
            Response answer;
            String key;
            String body;
            boolean cancel = random.nextInt(4) == 0;
            do { // a 400 (out of stock as far as order-service knows) is not an order: the buyer orders another item
                String[] item = items.get(random.nextInt(items.size()));
                String token = random.nextInt(10) == 0 ? "tok_declined" : null;
                body = ShopApi.orderBody(item[0], item[1], 1 + random.nextInt(2), token);
                // one intent, one key: every attempt of this order carries it, as a careful client's retries do
                key = new UUID(random.nextLong(), random.nextLong()).toString();
                answer = placeUntilAnswered(buyer, key, body);
            } while (answer.statusCode() == 400);
            placed.incrementAndGet();
            String orderId = answer.statusCode() == 201 ? answer.path("id") : orderIdOf(answer);
            answeredOrders.add(orderId);
            if (random.nextInt(5) == 0) {
                postAgain(buyer, key, body, orderId);
            }
            if (answer.statusCode() == 402) {
                declined.incrementAndGet();
            } else if (answer.statusCode() == 503) {
                deferred.incrementAndGet();
                // pay it again a little later, as the answer asks (sooner than its Retry-After: unpaid orders
                // expire after 8 s here); some buyers give up and let it expire
                if (random.nextInt(4) > 0 && payLater(buyer, orderId)) {
                    paidLater.incrementAndGet();
                }
            } else if (cancel) {
                Response cancelling = request(() -> shop.as(buyer).post(shop.gateway + "/api/orders/{id}/cancel", orderId));
                if (cancelling != null && cancelling.statusCode() == 200) {
                    cancelled.incrementAndGet();
                }
            }
        }
        return null;
    }

    /** Posts the order (again, with its key) until order-service itself answers it. */
    private Response placeUntilAnswered(String buyer, String key, String body) {
        return Awaitility.await("an answer from order-service").atMost(Duration.ofMinutes(5))
                .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    attempts.incrementAndGet();
                    return placeOrder(buyer, key, body);
                }, response -> response != null && !unanswered(response) && response.statusCode() != 409);
    }

    private Response placeOrder(String buyer, String key, String body) {
        return request(() -> shop.as(buyer).header("Idempotency-Key", key).body(body).post(shop.gateway + "/api/orders"));
    }

    /** The buyer posts the same order again with its key (a double click, a second tab): the first order answers. */
    private void postAgain(String buyer, String key, String body, String orderId) {
        Response again = placeOrder(buyer, key, body);
        if (again == null || unanswered(again) || again.statusCode() == 409) {
            return;
        }
        String answered = again.statusCode() == 201 ? again.path("id") : orderIdOf(again);
        (orderId.equals(answered) ? replayed : doubled).incrementAndGet();
    }

    /** Pays again every 1.5 s, four times at most, until payment-service answers; answers whether it is paid. */
    private boolean payLater(String buyer, String orderId) {
        try {
            return Awaitility.await().pollDelay(Duration.ofMillis(1_500)).pollInterval(Duration.ofMillis(1_500))
                    .atMost(Duration.ofMillis(6_500))
                    .until(() -> request(() -> shop.as(buyer).body("{}").post(shop.gateway + "/api/orders/{id}/payment", orderId)),
                            paying -> paying != null && paying.statusCode() != 503)
                    .statusCode() == 200;
        } catch (ConditionTimeoutException stillUnavailable) {
            return false;
        }
    }

    /** No answer from order-service itself (it is down, or died with the request): the buyer tries again. */
    private static boolean unanswered(Response answer) {
        return answer.statusCode() >= 500 && orderIdOf(answer) == null;
    }

    private static String orderIdOf(Response answer) {
        try {
            return answer.path("orderId");
        } catch (RuntimeException notJson) {
            return null;
        }
    }

    /**
     * One round of the owner's work: confirm the cancellations waiting, accept some received orders,
     * complete some deliveries under way. Answers how many things were still waiting for the owner.
     */
    private int ownerRound(Random random, boolean partly) {
        int waiting = 0;
        for (JsonObject order : list("/api/store/orders?status=CANCEL_REQUESTED&size=500")) {
            waiting++;
            request(() -> shop.as("owner").post(shop.gateway + "/api/store/orders/{id}/confirm-cancel", order.getString("orderId")));
        }
        if (partly) {
            for (JsonObject order : list("/api/store/orders?status=RECEIVED&size=500")) {
                if (random.nextInt(3) > 0) {
                    request(() -> shop.as("owner").post(shop.gateway + "/api/store/orders/{id}/accept", order.getString("orderId")));
                }
            }
            for (JsonObject delivery : list("/api/deliveries?status=STARTED&size=500")) {
                if (random.nextBoolean()) {
                    request(() -> shop.as("owner").post(shop.gateway + "/api/deliveries/{id}/complete", delivery.getString("id")));
                }
            }
        }
        return waiting;
    }

    /**
     * With {@link #RESTARTS}: PostgreSQL restarts once a third of the orders are placed, the Kafka broker once two
     * thirds are (the runner stops each, waits, starts it again on the same port and data); each while services
     * are killed and buyers order.
     */
    private Void restartDependencies() {
        if (!RESTARTS) {
            return null;
        }
        for (String dependency : List.of("postgres", "kafka")) {
            int after = ORDERS * (restarts.size() + 1) / 3;
            Awaitility.await().forever().pollInterval(Duration.ofMillis(500)).until(() -> placed.get() >= after);
            long start = System.nanoTime();
            int status = given()
                    .post(shop.gateway + "/local/infrastructure/{what}/restart?down=" + DOWN, dependency).statusCode();
            String restart = "%s after %d orders (%d, %d s)".formatted(dependency, after, status,
                    Duration.ofNanos(System.nanoTime() - start).toSeconds());
            System.out.println("CHAOS restarted " + restart);
            restarts.add(restart);
        }
        return null;
    }

    /**
     * Kills a random service every 3 to 8 seconds (SIGKILL) until enough were killed: the pause is the
     * chaos' own timing, not a wait for anything.
     */
    private Void killAtRandom(Random random, AtomicBoolean ordering) throws InterruptedException {
        while (kills.get() < KILLS) {
            TimeUnit.MILLISECONDS.sleep(3_000 + random.nextInt(5_000));
            String victim = VICTIMS.get(random.nextInt(VICTIMS.size()));
            long pid = shop.service(victim).getLong("pid");
            if (pid > 0 && ProcessHandle.of(pid).map(ProcessHandle::destroyForcibly).orElse(false)) {
                kills.incrementAndGet();
                System.out.printf("CHAOS killed %s (pid %d), kill %d%n", victim, pid, kills.get());
            }
        }
        return null;
    }

    private List<JsonObject> list(String path) {
        Response response = request(() -> shop.as("owner").get(shop.gateway + path));
        if (response == null || response.statusCode() != 200) {
            return List.of();
        }
        return new JsonArray(response.asString()).stream().map(JsonObject.class::cast).toList();
    }

    /** A request that may fail while its service is being killed: null when the connection broke. */
    private Response request(java.util.function.Supplier<Response> call) {
        try {
            Response response = call.get();
            if (response.statusCode() >= 500 && response.statusCode() != 503) {
                failedRequests.incrementAndGet();
            }
            return response;
        } catch (RuntimeException e) {
            failedRequests.incrementAndGet();
            return null;
        }
    }
}
