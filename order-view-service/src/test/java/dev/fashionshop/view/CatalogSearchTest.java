package dev.fashionshop.view;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;

import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.fashionshop.testsupport.ServiceTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/** GET /api/catalog searches and filters the catalogue view (DESIGN.md, catalogue search). */
@QuarkusTest
class CatalogSearchTest extends ServiceTest {

    /** A category of this test's own, so that items other tests register never match. */
    private String category;

    @BeforeEach
    void registerItems() {
        category = "search-" + UUID.randomUUID();
        register("Linen shirt", "Breathes in the summer", 4900, """
                {"sku": "LS-BLUE-M", "size": "M", "colour": "Blue", "stock": 0},
                {"sku": "LS-RED-M", "size": "M", "colour": "Red", "stock": 3}""");
        register("Wool coat", "Warm, with a linen lining", 18900, """
                {"sku": "WC-BLUE-L", "size": "L", "colour": "Blue", "stock": 2}""");
        register("Rain jacket", "Keeps the rain out", 9900, """
                {"sku": "RJ-BLUE-M", "size": "M", "colour": "Blue", "stock": 5}""");
    }

    /** Registers one item and waits until the view has it, so that the items are registered one after another. */
    private void register(String name, String description, long price, String variants) {
        String itemId = UUID.randomUUID().toString();
        kafka.sendEvent("items", itemId, "ItemRegistered", """
                {"itemId": "%s", "name": "%s", "description": "%s", "category": "%s", "price": %d, "currency": "EUR",
                 "imageUrl": "/static/images/%s.svg", "variants": [%s]}"""
                .formatted(itemId, name, description, category, price, itemId, variants));
        Awaitility.await().untilAsserted(() -> given().get("/api/catalog/{id}", itemId).then().statusCode(200));
    }

    private RequestSpecification inCategory() {
        return given().queryParam("category", category);
    }

    @Test
    void textMatchesTheNameOrTheDescriptionWhateverTheCase() {
        inCategory().queryParam("q", "LINEN").get("/api/catalog").then().statusCode(200)
                .header("X-Total-Count", "2")
                .body("name", contains("Linen shirt", "Wool coat"));
        inCategory().queryParam("q", "rain").get("/api/catalog").then().body("name", contains("Rain jacket"));
        // the text is a plain string, never a pattern
        inCategory().queryParam("q", "%").get("/api/catalog").then().statusCode(200).body("name", empty());
    }

    @Test
    void colourSizeAndStockMustHoldForOneVariant() {
        // the shirt has a blue M (sold out) and a red M in stock: it is no blue M in stock
        inCategory().queryParam("colour", "blue").queryParam("variantSize", "m").queryParam("inStock", "true")
                .get("/api/catalog").then().body("name", contains("Rain jacket"));
        inCategory().queryParam("colour", "blue").queryParam("variantSize", "M")
                .get("/api/catalog").then().body("name", contains("Linen shirt", "Rain jacket"));
        inCategory().queryParam("colour", "red").queryParam("inStock", "true")
                .get("/api/catalog").then().body("name", contains("Linen shirt"));
    }

    @ParameterizedTest
    @CsvSource({
            "name,   Linen shirt|Rain jacket|Wool coat",
            "price,  Linen shirt|Rain jacket|Wool coat",
            "-price, Wool coat|Rain jacket|Linen shirt",
            "newest, Rain jacket|Wool coat|Linen shirt" })
    void sortsAsAsked(String sort, String names) {
        inCategory().queryParam("sort", sort).get("/api/catalog").then().statusCode(200)
                .body("name", contains(names.split("\\|")));
    }

    @Test
    void filtersByPriceAndPagesWithTheTotal() {
        inCategory().queryParam("minPrice", 4900).queryParam("maxPrice", 9900).queryParam("sort", "price")
                .get("/api/catalog").then().body("name", contains("Linen shirt", "Rain jacket"));
        inCategory().queryParam("sort", "price").queryParam("size", 2).queryParam("page", 1)
                .get("/api/catalog").then().header("X-Total-Count", "3").body("name", contains("Wool coat"));
        inCategory().queryParam("size", 2).queryParam("page", 5)
                .get("/api/catalog").then().statusCode(200).header("X-Total-Count", "3").body("name", empty());
    }

    @Test
    void offersTheValuesThereAreAsFilters() {
        given().get("/api/catalog/facets").then().statusCode(200)
                .body("categories", hasItem(category))
                .body("colours", hasItems("Blue", "Red"))
                .body("sizes", hasItems("M", "L"));
    }

    @ParameterizedTest
    @CsvSource({
            "sort=cheapest,           sort must be one of",
            "minPrice=-1,             must be greater than or equal to 0",
            "minPrice=500&maxPrice=5, minPrice 500 is above maxPrice 5",
            "size=0,                  must be greater than or equal to 1" })
    void refusesAQueryItCannotAnswerWithAProblem(String query, String message) {
        given().get("/api/catalog?" + query).then().statusCode(400)
                .contentType("application/problem+json")
                .body(containsString(message))
                .body("status", is(400));
    }
}
