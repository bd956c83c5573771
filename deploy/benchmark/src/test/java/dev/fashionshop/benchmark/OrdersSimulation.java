package dev.fashionshop.benchmark;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.time.Duration;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.CoreDsl;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.http.HttpProtocolBuilder;

/**
 * The headline figure: buyers post orders at a fixed arrival rate (an open workload: a slow shop cannot
 * slow the load down), stepped up through {@code benchmark.rates}, each held {@code benchmark.level-seconds}
 * after a warm-up ({@link WarmUp}). A step breaks when its p99 exceeds {@value #P99_LIMIT_MS} ms or any order fails; the
 * steps after a broken one send nothing. One order in {@value #FRESHNESS_SAMPLE} is followed until the
 * buyer's view answers it and the store holds it RECEIVED (freshness). After the load: the time until
 * every event is consumed (drain), CPU per order of all the shop's processes, each service's memory, and
 * the audit.
 */
public class OrdersSimulation extends ShopSimulation {

    static final long P99_LIMIT_MS = 100;
    static final int FRESHNESS_SAMPLE = 50;

    private final List<Integer> rates = Arrays.stream(System.getProperty("benchmark.rates", "5").split(","))
            .map(String::trim).map(Integer::valueOf).toList();
    private final Duration level = Duration.ofSeconds(Long.getLong("benchmark.level-seconds", 5));
    private final WarmUp warmUp = WarmUp.configured(rates.get(0));

    public OrdersSimulation() throws Exception {
        super("orders");
        HttpProtocolBuilder protocol = http.baseUrl(shop.url).contentTypeHeader("application/json")
                .acceptHeader("application/json");

        PopulationBuilder load = warmUp.isNone() ? null : orders(BenchmarkReport.WARM_UP, -1).injectOpen(warmUp.injection());
        for (int i = 0; i < rates.size(); i++) {
            PopulationBuilder step = orders(BenchmarkReport.step(rates.get(i)), i)
                    .injectOpen(constantUsersPerSec(rates.get(i)).during(level));
            load = load == null ? step : load.andThen(step);
        }
        var simulation = setUp(load).protocols(protocol);
        // the smoke fails on errors, never on a timing; the full run expects its last steps to break
        if (Boolean.parseBoolean(System.getProperty("benchmark.fail-on-errors", "true"))) {
            simulation.assertions(global().failedRequests().count().is(0L));
        }
    }

    /** @param step the index of the step in {@code benchmark.rates}; -1 for the warm-up */
    private ScenarioBuilder orders(String name, int step) {
        return scenario(name)
                .exitHereIf(session -> report.aStepBrokeBefore(rates, step))
                .feed(orderFeeder())
                .exec(placeOrder(name))
                .doIf(session -> step >= 0 && session.contains("orderId") && session.getInt("sample") == 0)
                .then(followUntilVisible(name));
    }

    private ChainBuilder placeOrder(String name) {
        return CoreDsl.exec(http(name).post("/api/orders")
                        .header("Authorization", "Bearer #{token}")
                        .header("Idempotency-Key", "#{key}")
                        .body(StringBody("#{body}"))
                        .check(status().saveAs("status"), responseTimeInMillis().saveAs("rt"), status().is(201),
                                jsonPath("$.id").saveAs("orderId")))
                .exec(session -> {
                    if (session.contains("status") && session.getInt("status") == 201) {
                        recorder.ok(name, session.getInt("rt"));
                    } else {
                        recorder.error(name);
                    }
                    return session.set("placedAt", System.nanoTime());
                });
    }

    /**
     * Polls the buyer's view, then the store, until each has the order, and records how long it took: every
     * 5 ms at first, backing off to every 200 ms, so that a lagging shop is not buried under the polls.
     */
    private ChainBuilder followUntilVisible(String step) {
        return CoreDsl.asLongAs(session -> !session.contains("visible"))
                .on(CoreDsl.exec(http("freshness: view").get("/api/my-orders/#{orderId}")
                                .header("Authorization", "Bearer #{token}")
                                .check(status().in(200, 404).saveAs("viewStatus")))
                        .exec(session -> visibleWhen(session, session.getInt("viewStatus") == 200, BenchmarkReport.VIEW_FRESHNESS, step))
                        .pause(OrdersSimulation::backOff))
                .exec(session -> session.remove("visible"))
                .asLongAs(session -> !session.contains("visible"))
                .on(CoreDsl.exec(http("freshness: store").get("/api/store/orders/#{orderId}")
                                .header("Authorization", "Bearer " + shop.token("owner"))
                                .check(status().in(200, 404).saveAs("storeStatus"),
                                        jsonPath("$.status").optional().saveAs("storeOrderStatus")))
                        .exec(session -> visibleWhen(session, "RECEIVED".equals(session.getString("storeOrderStatus")),
                                BenchmarkReport.STORE_FRESHNESS, step))
                        .pause(OrdersSimulation::backOff));
    }

    /** 5 ms, doubling with each poll of the order up to 200 ms. */
    private static Duration backOff(Session session) {
        int polls = session.contains("polls") ? session.getInt("polls") : 0;
        return Duration.ofMillis(Math.min(200, 5L << Math.min(polls / 4, 6)));
    }

    /** Records the freshness of a visible order twice: in the whole run's series and in its step's. */
    private Session visibleWhen(Session session, boolean visible, String series, String step) {
        if (!visible) {
            return session.set("polls", session.contains("polls") ? session.getInt("polls") + 1 : 1);
        }
        long millis = (System.nanoTime() - session.getLong("placedAt")) / 1_000_000;
        recorder.ok(series, millis);
        recorder.ok(BenchmarkReport.freshness(series, step), millis);
        return session.set("visible", true).remove("polls");
    }

    /** Endless orders: a buyer, one to three lines of random SKUs, a fresh Idempotency-Key, one in N sampled. */
    private Iterator<Map<String, Object>> orderFeeder() {
        AtomicLong counter = new AtomicLong();
        return Stream.generate(() -> {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            Shop.Sku sku = anySku();
            return Map.<String, Object> of(
                    "token", anyBuyersToken(),
                    "key", UUID.randomUUID().toString(),
                    "body", Shop.orderBody(sku, 1 + random.nextInt(3), null),
                    "sample", (int) (counter.getAndIncrement() % FRESHNESS_SAMPLE));
        }).iterator();
    }

    @Override
    public void after() {
        finish(rates, level, warmUp);
    }
}
