package dev.fashionshop.view;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.fashionshop.testsupport.ServiceTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The OpenAPI document (/q/openapi) tells a client what the catalogue search can answer, and in which shape. */
@QuarkusTest
class OpenApiTest extends ServiceTest {

    static final String SEARCH = "paths.'/api/catalog'.get";

    @Test
    void theCatalogueSearchDocumentsItsPageAndItsRefusal() {
        JsonPath openApi = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().jsonPath();

        assertThat(openApi.getMap(SEARCH + ".responses")).containsKeys("200", "400");
        assertThat(openApi.getMap(SEARCH + ".responses.'200'.headers")).containsKey("X-Total-Count");
        assertThat(openApi.getString(SEARCH + ".responses.'400'.content.'application/problem+json'.schema.'$ref'"))
                .isEqualTo("#/components/schemas/Problem");
        // anyone may search; the buyer's own orders ask for the bearer token
        assertThat(openApi.getList(SEARCH + ".security")).isNull();
        assertThat(openApi.getList("paths.'/api/my-orders'.get.security")).containsExactly(Map.of("bearer", List.of()));
    }
}
