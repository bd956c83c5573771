package dev.fashionshop.store;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import dev.fashionshop.testsupport.KafkaTestClient;
import dev.fashionshop.testsupport.ServiceTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class ItemResourceTest extends ServiceTest {

    static String item(String name, String sku, int stock) {
        return """
                {"name": "%s", "description": "Organic cotton", "category": "t-shirts", "price": 2500, "currency": "EUR",
                 "imageUrl": "https://img.example/tee.png",
                 "variants": [{"sku": "%s", "size": "M", "colour": "white", "stock": %d}]}""".formatted(name, sku, stock);
    }

    @Test
    void theOwnerRegistersAnItemAndItIsAnnouncedOnTheItemsTopic() {
        String sku = "TEE-" + UUID.randomUUID();
        String location = given().auth().oauth2(tokens.owner()).contentType(ContentType.JSON).body(item("Tee", sku, 10))
                .when().post("/api/items")
                .then().statusCode(201)
                .header("Location", notNullValue())
                .body("name", is("Tee"))
                .body("price", is(2500))
                .body("variants", hasSize(1))
                .body("variants[0].sku", is(sku))
                .extract().header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);

        ConsumerRecord<String, String> registered = kafka.awaitRecord("items", r -> id.equals(r.key()));
        assertThat(KafkaTestClient.header(registered, "ce_type")).isEqualTo("ItemRegistered");
        assertThat(KafkaTestClient.header(registered, "ce_source")).isEqualTo("store-service");
        assertThat(registered.value()).contains("\"itemId\":\"" + id + "\"", "\"sku\":\"" + sku + "\"", "\"stock\":10");

        given().auth().oauth2(tokens.owner()).get(location).then().statusCode(200).body("id", is(id));
    }

    @Test
    void theOwnerSetsTheStockOfAVariantAndItIsAnnounced() {
        String sku = "TEE-" + UUID.randomUUID();
        String id = register(sku, 10);

        given().auth().oauth2(tokens.owner()).contentType(ContentType.JSON).body("{\"stock\": 3}")
                .when().put("/api/items/{id}/variants/{sku}/stock", id, sku)
                .then().statusCode(200).body("stock", is(3));

        ConsumerRecord<String, String> changed = kafka.awaitRecord("items",
                r -> id.equals(r.key()) && "StockChanged".equals(KafkaTestClient.header(r, "ce_type")));
        assertThat(changed.value()).contains("\"sku\":\"" + sku + "\"", "\"stock\":3");
        assertThat(database.queryForLong(
                "select count(*) from stock_movement where sku = ? and reason = 'SET_BY_OWNER' and quantity = -7", sku))
                .isEqualTo(1);
        assertThat(database.queryForLong("select sum(quantity) from stock_movement where sku = ?", sku)).isEqualTo(3);
    }

    @Test
    void theOwnerUpdatesAnItemAndAddsAVariant() {
        String sku = "TEE-" + UUID.randomUUID();
        String id = register(sku, 10);
        String update = """
                {"name": "Tee v2", "category": "t-shirts", "price": 2700, "currency": "EUR",
                 "variants": [{"sku": "%s", "size": "M", "colour": "white", "stock": 10},
                              {"sku": "%s-L", "size": "L", "colour": "white", "stock": 4}]}""".formatted(sku, sku);

        given().auth().oauth2(tokens.owner()).contentType(ContentType.JSON).body(update)
                .when().put("/api/items/{id}", id)
                .then().statusCode(200).body("name", is("Tee v2")).body("variants", hasSize(2));

        ConsumerRecord<String, String> updated = kafka.awaitRecord("items",
                r -> id.equals(r.key()) && "ItemUpdated".equals(KafkaTestClient.header(r, "ce_type")));
        assertThat(updated.value()).contains("\"price\":2700", sku + "-L");
    }

    @Test
    void badInputIsA400ProblemAndStoresNothing() {
        long before = database.queryForLong("select count(*) from item");
        String noVariantsNegativePrice = """
                {"name": "", "category": "t-shirts", "price": -1, "currency": "euro", "variants": []}""";

        given().auth().oauth2(tokens.owner()).contentType(ContentType.JSON).body(noVariantsNegativePrice)
                .when().post("/api/items")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", is(400))
                .body("violations.field", org.hamcrest.Matchers.hasItems(
                        containsString("name"), containsString("price"), containsString("currency"),
                        containsString("variants")));
        given().auth().oauth2(tokens.owner()).contentType(ContentType.JSON).body("{not json")
                .when().post("/api/items")
                .then().statusCode(400);

        assertThat(database.queryForLong("select count(*) from item")).isEqualTo(before);
    }

    @Test
    void aSkuCanBelongToOneItemOnly() {
        String sku = "TEE-" + UUID.randomUUID();
        register(sku, 1);

        given().auth().oauth2(tokens.owner()).contentType(ContentType.JSON).body(item("Other", sku, 1))
                .when().post("/api/items")
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString(sku));
    }

    @Test
    void onlyTheOwnerManagesItems() {
        given().contentType(ContentType.JSON).body(item("Tee", "X", 1))
                .when().post("/api/items").then().statusCode(401);
        given().auth().oauth2(tokens.buyer("alice")).contentType(ContentType.JSON).body(item("Tee", "X", 1))
                .when().post("/api/items").then().statusCode(403);
    }

    @Test
    void anUnknownItemIs404() {
        given().auth().oauth2(tokens.owner()).get("/api/items/{id}", UUID.randomUUID())
                .then().statusCode(404).body("status", equalTo(404));
    }

    String register(String sku, int stock) {
        String location = given().auth().oauth2(tokens.owner()).contentType(ContentType.JSON)
                .body(item("Tee", sku, stock))
                .when().post("/api/items")
                .then().statusCode(201).extract().header("Location");
        return location.substring(location.lastIndexOf('/') + 1);
    }
}
