package dev.fashionshop.store;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.fashionshop.testsupport.ServiceTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** POST /api/items honours Idempotency-Key: a retried registration registers one item and answers the first answer. */
@QuarkusTest
class IdempotentItemRegistrationTest extends ServiceTest {

    private Response register(String key, String body) {
        return given().auth().oauth2(tokens.owner()).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(body).post("/api/items");
    }

    private long itemsWithSku(String sku) {
        return database.queryForLong("select count(*) from variant where sku = ?", sku);
    }

    @Test
    void aRetriedRegistrationAnswersTheFirstItemAndRegistersOne() {
        String sku = "TEE-" + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        Response first = register(key, ItemResourceTest.item("Tee", sku, 10));
        first.then().statusCode(201);

        Response again = register(key, ItemResourceTest.item("Tee", sku, 10));

        // without the key the second would be a 409 (the SKU is taken): the first answer comes back instead
        again.then().statusCode(201).header("Idempotent-Replayed", "true").header("Location", first.header("Location"))
                .body("id", is(first.<String> path("id")));
        assertThat(again.asString()).isEqualTo(first.asString());
        assertThat(itemsWithSku(sku)).isEqualTo(1);
        assertThat(database.queryForLong("select count(*) from outbox_event where type = 'ItemRegistered' and record_key = ?",
                first.<String> path("id"))).isEqualTo(1);
    }

    @Test
    void theKeyWithAnotherItemIs422AndRegistersNothing() {
        String key = UUID.randomUUID().toString();
        register(key, ItemResourceTest.item("Tee", "TEE-" + UUID.randomUUID(), 10)).then().statusCode(201);
        String otherSku = "TEE-" + UUID.randomUUID();

        register(key, ItemResourceTest.item("Other tee", otherSku, 10)).then().statusCode(422)
                .contentType("application/problem+json");
        assertThat(itemsWithSku(otherSku)).isZero();
    }

    @Test
    void aBadKeyIs400AndRegistersNothing() {
        String sku = "TEE-" + UUID.randomUUID();
        register("k".repeat(256), ItemResourceTest.item("Tee", sku, 10)).then().statusCode(400)
                .contentType("application/problem+json");
        assertThat(itemsWithSku(sku)).isZero();
    }
}
