package dev.fashionshop.payment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.fashionshop.testsupport.ServiceTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** The simulator's runtime knobs: an operator makes the provider slow or failing, and payments feel it. */
@QuarkusTest
class SimulatorTest extends ServiceTest {

    @AfterEach
    void healthyProvider() {
        setKnobs("{\"latencyMs\": 0, \"failureRate\": 0}").then().statusCode(200);
    }

    @Test
    void aFailingProviderAnswers503WithRetryAfterAndChargesNothing() {
        setKnobs("{\"latencyMs\": 0, \"failureRate\": 1.0}").then().statusCode(200).body("failureRate", is(1.0f));
        String orderId = UUID.randomUUID().toString();

        pay(orderId).then().statusCode(503).contentType("application/problem+json").header("Retry-After", "5");
        assertThat(database.queryForLong("select count(*) from payment where order_id = ?::uuid", orderId)).isZero();

        healthyProvider();
        pay(orderId).then().statusCode(201).body("status", is("APPROVED"));
    }

    @Test
    void aSlowProviderMakesPaymentsSlow() {
        setKnobs("{\"latencyMs\": 400, \"failureRate\": 0}").then().statusCode(200);

        long begin = System.nanoTime();
        pay(UUID.randomUUID().toString()).then().statusCode(201);
        assertThat((System.nanoTime() - begin) / 1_000_000).isGreaterThanOrEqualTo(400);
    }

    /** %test allows 4 payments in flight (and one waiting): the rest are refused at once, not queued. */
    @Test
    void beyondItsBoundedConcurrencyPaymentServiceAnswers503AtOnce() {
        setKnobs("{\"latencyMs\": 1500, \"failureRate\": 0}").then().statusCode(200);
        String buyer = tokens.buyer("alice");

        ExecutorService buyers = Executors.newFixedThreadPool(10);
        List<CompletableFuture<long[]>> calls = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            calls.add(CompletableFuture.supplyAsync(() -> {
                long begin = System.nanoTime();
                int status = given().auth().oauth2(buyer).contentType(ContentType.JSON)
                        .body(PaymentResourceTest.payment(UUID.randomUUID().toString(), null)).post("/payments").statusCode();
                return new long[] { status, (System.nanoTime() - begin) / 1_000_000 };
            }, buyers));
        }
        List<long[]> answers = calls.stream().map(CompletableFuture::join).toList();
        buyers.shutdown();

        assertThat(answers).filteredOn(a -> a[0] == 201).hasSizeBetween(4, 5);
        assertThat(answers).filteredOn(a -> a[0] == 503).hasSizeGreaterThanOrEqualTo(5)
                .allSatisfy(a -> assertThat(a[1]).as("refused without waiting for the slow provider").isLessThan(1500));
    }

    @Test
    void onlyAnOperatorTurnsTheKnobsAndOnlyToSensibleValues() {
        given().contentType(ContentType.JSON).body("{\"latencyMs\": 0, \"failureRate\": 1}")
                .put("/admin/simulator").then().statusCode(401);
        given().auth().oauth2(tokens.buyer("alice")).contentType(ContentType.JSON)
                .body("{\"latencyMs\": 0, \"failureRate\": 1}").put("/admin/simulator").then().statusCode(403);
        setKnobs("{\"latencyMs\": -1, \"failureRate\": 2}").then().statusCode(400)
                .contentType("application/problem+json");
        given().auth().oauth2(tokens.operator()).get("/admin/simulator").then().statusCode(200)
                .body("latencyMs", is(0)).body("failureRate", is(0.0f));
    }

    private io.restassured.response.Response setKnobs(String knobs) {
        return given().auth().oauth2(tokens.operator()).contentType(ContentType.JSON).body(knobs).put("/admin/simulator");
    }

    private io.restassured.response.Response pay(String orderId) {
        return given().auth().oauth2(tokens.buyer("alice")).contentType(ContentType.JSON)
                .body(PaymentResourceTest.payment(orderId, null)).post("/payments");
    }
}
