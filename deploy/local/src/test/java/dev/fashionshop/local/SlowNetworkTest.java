package dev.fashionshop.local;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.fashionshop.local.services.ServiceSpec;
import io.restassured.response.Response;

/**
 * Slow networks, through the fault links of the tests' shop (the runner's --fault-links): a payment-service
 * that answers late or hangs part-way through its answer, and a Kafka broker that answers nothing for longer
 * than the consumers' session timeout (10 s), as when its process is stopped. The shop keeps taking orders
 * meanwhile (deferred, the buyer told to pay a little later, where payment is the problem), recovers by
 * itself once the link is good again, with no service restarted, and the audit finds every invariant holding.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(RunningShop.class)
@Order(Integer.MAX_VALUE - 3)
class SlowNetworkTest {

    private static final List<String> SERVICES = ServiceSpec.SHOP.stream().map(ServiceSpec::name).toList();
    /** Orders placed at once while a link is unwell. */
    private static final int ORDERS_WHILE_UNWELL = 6;
    /** Enough for the orders of a test, and for those that show payments flowing again. */
    private static final int STOCK = 100;

    private ShopApi shop;

    @BeforeAll
    void connect(ShopApi shop) {
        this.shop = shop;
    }

    @ParameterizedTest(name = "payment-service {0}")
    @CsvSource({ "slow, PT3S", "stall, PT0S" })
    void ordersPlacedWhilePaymentServiceIsUnwellAreDeferredAndPaidOnceItIsWell(String fault, String delay) throws Exception {
        String sku = "SLOW-PAY-" + UUID.randomUUID();
        String itemId = shop.registerItem(sku, STOCK, 1500);
        shop.awaitCatalogued(itemId, sku);
        Map<String, Integer> restartsBefore = shop.restartsOfEachService();

        // longer than an order's two calls to payment-service take to time out (1.5 s each), shorter than a deferred order lives
        CompletableFuture<Integer> unwell = linkFault("payment-service", fault, "for=PT8S&delay=" + delay);
        List<Response> answers = atOnce(ORDERS_WHILE_UNWELL, () -> shop.order("bob", itemId, sku, 1, null));
        assertThat(unwell).as("every order answered while payment-service was still unwell").isNotDone();
        assertThat(answers).as("deferred: the buyer is told to pay a little later").allSatisfy(answer -> {
            assertThat(answer.statusCode()).isEqualTo(503);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.header("Retry-After")).isNotBlank();
            assertThat(answer.<String>path("orderId")).isNotBlank();
        });
        assertThat(unwell.get(1, TimeUnit.MINUTES)).isEqualTo(200);
        long wellAgain = System.nanoTime();

        for (Response answer : answers) {
            String orderId = answer.path("orderId");
            assertThat(payLater("bob", orderId)).as("paying %s later", orderId).isEqualTo(200);
            shop.awaitStoreOrder(orderId, "RECEIVED");
            shop.awaitView("bob", orderId, "PAID");
        }
        shop.awaitPaymentsFlowing(itemId, sku);
        System.out.printf("payment-service %s: %d orders deferred, answered in %d to %d ms; paid later, and payments "
                + "flowing again, %.1f s after the link was good again%n", fault, answers.size(),
                answers.stream().mapToLong(Response::time).min().orElseThrow(),
                answers.stream().mapToLong(Response::time).max().orElseThrow(), seconds(wellAgain));
        assertThat(shop.restartsOfEachService()).as("no service restarted").isEqualTo(restartsBefore);
        shop.assertAuditPasses();
    }

    @Test
    void aBrokerThatAnswersNothingForLongerThanTheSessionTimeoutHoldsUpTheEventsOnlyAndLosesNone() throws Exception {
        String sku = "SLOW-KAFKA-" + UUID.randomUUID();
        String itemId = shop.registerItem(sku, STOCK, 1500);
        shop.awaitCatalogued(itemId, sku);
        Map<String, Integer> restartsBefore = shop.restartsOfEachService();

        CompletableFuture<Integer> paused = linkFault("kafka", "pause", "for=PT20S");
        List<String> paid = IntStream.range(0, ORDERS_WHILE_UNWELL)
                .mapToObj(i -> shop.order("alice", itemId, sku, 1, null).then().statusCode(201).extract().<String>path("id"))
                .toList();
        assertThat(paused).as("every order taken and paid while the broker answered nothing").isNotDone();
        assertThat(paused.get(1, TimeUnit.MINUTES)).isEqualTo(200);
        long resumed = System.nanoTime();

        for (String orderId : paid) {
            shop.awaitStoreOrder(orderId, "RECEIVED");
            shop.awaitView("alice", orderId, "PAID");
        }
        System.out.printf("Kafka paused 20 s: %d orders taken and paid meanwhile; in the store and the view %.1f s after "
                + "the pause%n", paid.size(), seconds(resumed));
        String deliveryId = shop.accept(paid.get(0));
        shop.completeDelivery(deliveryId);
        shop.awaitView("alice", paid.get(0), "DELIVERED");
        SERVICES.forEach(shop::awaitServiceUp);
        assertThat(shop.restartsOfEachService()).as("no service restarted").isEqualTo(restartsBefore);
        shop.assertAuditPasses();
    }

    /**
     * Starts a fault on one of the shop's links and returns once it is in effect; the future completes with the
     * runner's answer once the link is good again.
     */
    private CompletableFuture<Integer> linkFault(String link, String fault, String query) {
        CompletableFuture<Integer> over = CompletableFuture.supplyAsync(() -> given()
                .post(shop.gateway + "/local/infrastructure/{link}/{fault}?" + query, link, fault).statusCode());
        Awaitility.await(link + " " + fault).atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> given().get(shop.gateway + "/local/infrastructure/links").then().statusCode(200)
                        .extract().<String>path("find { it.name == '%s' }.fault".formatted(link)), fault::equals);
        return over;
    }

    /** Places that many orders at once, each from its own client, and answers their answers. */
    private static List<Response> atOnce(int orders, Supplier<Response> order) {
        ExecutorService clients = Executors.newFixedThreadPool(orders);
        try {
            List<CompletableFuture<Response>> answers = IntStream.range(0, orders)
                    .mapToObj(i -> CompletableFuture.supplyAsync(order, clients)).toList();
            return answers.stream().map(CompletableFuture::join).toList();
        } finally {
            clients.shutdown();
        }
    }

    /**
     * Pays a deferred order again, as its buyer would: again a second later while payment is still unavailable
     * (a breaker that opened on the fault's failures stays open 10 s). Answers the status of the last answer.
     */
    private int payLater(String buyer, String orderId) {
        return Awaitility.await("payment of " + orderId).atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofSeconds(1))
                .until(() -> shop.as(buyer).body("{}").post(shop.gateway + "/api/orders/{id}/payment", orderId).statusCode(),
                        status -> status != 503);
    }

    private static double seconds(long sinceNanos) {
        return (System.nanoTime() - sinceNanos) / 1e9;
    }
}
