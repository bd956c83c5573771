package dev.fashionshop.order;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * A buyer places at most so many orders a period; the next is a 429 problem saying when to send it again, and
 * nothing of it is stored. Another buyer has a quota of their own. Here three an hour, so that none comes back
 * during the test.
 */
@QuarkusTest
@TestProfile(RateLimitTest.ThreeAnHour.class)
class RateLimitTest extends OrderServiceTest {

    public static class ThreeAnHour implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("shop.orders.rate-limit.orders", "3", "shop.orders.rate-limit.period", "PT1H");
        }
    }

    @Test
    void aBuyerBeyondTheirQuotaIsToldWhenToComeBackAndNothingIsStored() {
        CatalogueFixture item = CatalogueFixture.registered(kafka, database, 1000);
        String carol = tokens.buyer("carol-" + UUID.randomUUID());
        for (int i = 0; i < 3; i++) {
            place(carol, item, UUID.randomUUID().toString()).then().statusCode(201);
        }
        long storedBefore = database.queryForLong("select count(*) from orders");
        int paymentsBefore = PaymentServiceStub.CALLS.get();

        String key = UUID.randomUUID().toString();
        Response refused = place(carol, item, key);

        refused.then().statusCode(429).contentType("application/problem+json");
        assertThat(refused.<String> path("title")).isEqualTo("Too Many Requests");
        // the next order comes back after a third of the hour, rounded up to a whole second
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1_190L, 1_200L);
        assertThat(database.queryForLong("select count(*) from orders")).isEqualTo(storedBefore);
        assertThat(PaymentServiceStub.CALLS.get()).isEqualTo(paymentsBefore);
        assertThat(database.queryForLong("select count(*) from idempotency_key where idem_key = ?", key))
                .as("the refusal recorded nothing under its key").isZero();

        // another buyer has their own quota
        place(tokens.buyer("dave-" + UUID.randomUUID()), item, UUID.randomUUID().toString()).then().statusCode(201);
    }

    private static Response place(String buyer, CatalogueFixture item, String idempotencyKey) {
        return given().auth().oauth2(buyer).contentType(ContentType.JSON).header("Idempotency-Key", idempotencyKey)
                .body(item.order(1, null)).post("/api/orders");
    }
}
