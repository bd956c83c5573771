package dev.fashionshop.benchmark;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.sse;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;

/**
 * The shop as its users live it: buyers browse the catalogue ten pages for one order, some cancel, some
 * watch their orders live (SSE), all read their view; the owner accepts received orders, completes
 * deliveries and confirms cancellations, once a second. Buyers arrive at {@code benchmark.rates}' first
 * rate for {@code benchmark.level-seconds}. Ends with the drain, CPU per order, memory and the audit.
 */
public class JourneySimulation extends ShopSimulation {

    private final int rate = Integer.parseInt(System.getProperty("benchmark.rates", "5").split(",")[0].trim());
    private final Duration duration = Duration.ofSeconds(Long.getLong("benchmark.level-seconds", 5));

    public JourneySimulation() throws Exception {
        super("journey");
        setUp(buyers().injectOpen(constantUsersPerSec(rate).during(duration)),
                owner().injectOpen(atOnceUsers(1)))
                .protocols(http.baseUrl(shop.url).contentTypeHeader("application/json").acceptHeader("application/json"))
                .assertions(global().failedRequests().count().is(0L));
    }

    private ScenarioBuilder buyers() {
        String orderStep = BenchmarkReport.step(rate);
        return scenario("buyers")
                .feed(buyerFeeder())
                .repeat(10).on(exec(http("catalogue page").get("/api/catalog?page=#{page}&size=20").check(status().is(200)))
                        .exec(http("item").get("/api/catalog/#{itemId}").check(status().is(200)))
                        .pause(Duration.ofMillis(50), Duration.ofMillis(300)))
                .exec(http(orderStep).post("/api/orders")
                        .header("Authorization", "Bearer #{token}").header("Idempotency-Key", "#{key}")
                        .body(StringBody("#{body}"))
                        .check(status().is(201), responseTimeInMillis().saveAs("rt"), jsonPath("$.id").saveAs("orderId")))
                .exec(session -> {
                    if (session.contains("rt") && session.contains("orderId")) {
                        recorder.ok(orderStep, session.getInt("rt"));
                    } else {
                        recorder.error(orderStep);
                    }
                    return session;
                })
                .doIf(session -> session.getBoolean("watches")).then(watchLive())
                .doIf(session -> session.getBoolean("cancels") && session.contains("orderId"))
                // 409 too: while the buyer watched, the owner may have accepted, shipped and delivered it (too late to cancel)
                .then(exec(http("cancel").post("/api/orders/#{orderId}/cancel").header("Authorization", "Bearer #{token}")
                        .check(status().in(200, 409))))
                .exec(http("my orders").get("/api/my-orders").header("Authorization", "Bearer #{token}").check(status().is(200)));
    }

    /** The buyer's live view for a couple of seconds, then closed. */
    private ChainBuilder watchLive() {
        return exec(sse("my orders live").get("/api/my-orders/stream").header("Authorization", "Bearer #{token}"))
                .pause(Duration.ofSeconds(2))
                .exec(sse("my orders live").close());
    }

    private ScenarioBuilder owner() {
        String owner = "Bearer " + shop.token("owner");
        return scenario("owner").during(duration.plusSeconds(5)).on(
                exec(http("received orders").get("/api/store/orders?status=RECEIVED&size=500").header("Authorization", owner)
                        .check(status().is(200), jsonPath("$[*].orderId").findAll().optional().saveAs("received")))
                        .doIf(session -> session.contains("received"))
                        .then(CoreForeach.each("received", http("accept").post("/api/store/orders/#{id}/accept")
                                .header("Authorization", owner).check(status().in(200, 409))))
                        .exec(session -> session.remove("received"))
                        .exec(http("deliveries").get("/api/deliveries?status=STARTED&size=500").header("Authorization", owner)
                                .check(status().is(200), jsonPath("$[*].id").findAll().optional().saveAs("started")))
                        .doIf(session -> session.contains("started"))
                        .then(CoreForeach.each("started", http("complete").post("/api/deliveries/#{id}/complete")
                                .header("Authorization", owner).check(status().in(200, 409))))
                        .exec(session -> session.remove("started"))
                        .exec(http("cancellations").get("/api/store/orders?status=CANCEL_REQUESTED&size=500")
                                .header("Authorization", owner)
                                .check(status().is(200), jsonPath("$[*].orderId").findAll().optional().saveAs("cancelling")))
                        .doIf(session -> session.contains("cancelling"))
                        .then(CoreForeach.each("cancelling", http("confirm cancel").post("/api/store/orders/#{id}/confirm-cancel")
                                .header("Authorization", owner).check(status().in(200, 409))))
                        .exec(session -> session.remove("cancelling"))
                        .pause(Duration.ofSeconds(1)));
    }

    private Iterator<Map<String, Object>> buyerFeeder() {
        return Stream.generate(() -> {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            Shop.Sku sku = anySku();
            return Map.<String, Object> of(
                    "token", anyBuyersToken(),
                    "key", UUID.randomUUID().toString(),
                    "page", random.nextInt(3),
                    "itemId", sku.itemId(),
                    "body", Shop.orderBody(sku, 1 + random.nextInt(2), null),
                    "cancels", random.nextInt(5) == 0,
                    "watches", random.nextInt(10) == 0);
        }).iterator();
    }

    @Override
    public void after() {
        finish(List.of(rate), duration, WarmUp.NONE);
    }
}
