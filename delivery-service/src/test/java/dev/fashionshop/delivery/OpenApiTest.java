package dev.fashionshop.delivery;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.fashionshop.testsupport.ServiceTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The OpenAPI document (/q/openapi) tells a client what completing a delivery can answer, and in which shape. */
@QuarkusTest
class OpenApiTest extends ServiceTest {

    static final String COMPLETE = "paths.'/api/deliveries/{id}/complete'.post";

    @Test
    void completingADeliveryDocumentsTheStateConflict() {
        JsonPath openApi = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().jsonPath();

        assertThat(openApi.getMap(COMPLETE + ".responses")).containsKeys("200", "401", "403", "404", "409");
        assertThat(openApi.getString(COMPLETE + ".responses.'409'.content.'application/problem+json'.schema.'$ref'"))
                .isEqualTo("#/components/schemas/Problem");
        assertThat(openApi.getString(COMPLETE + ".responses.'404'.content.'application/problem+json'.schema.'$ref'"))
                .isEqualTo("#/components/schemas/Problem");
        assertThat(openApi.getMap("components.schemas.Problem.properties"))
                .containsKeys("type", "title", "status", "detail", "currentState", "deliveryId", "orderId");
        assertThat(openApi.getMap("components.securitySchemes")).containsOnlyKeys("bearer");
    }
}
