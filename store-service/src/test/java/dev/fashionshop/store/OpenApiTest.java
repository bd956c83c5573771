package dev.fashionshop.store;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.fashionshop.testsupport.ServiceTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The OpenAPI document (/q/openapi) tells a client what the owner's endpoints can answer, and in which shape. */
@QuarkusTest
class OpenApiTest extends ServiceTest {

    static final String PROBLEM = "#/components/schemas/Problem";
    static final String REGISTER = "paths.'/api/items'.post";
    static final String UPDATE = "paths.'/api/items/{id}'.put";
    static final String ACCEPT = "paths.'/api/store/orders/{orderId}/accept'.post";

    @Test
    void registeringChangingAndAcceptingDocumentEachAnswerWithItsProblem() {
        JsonPath openApi = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().jsonPath();

        assertThat(openApi.getMap(REGISTER + ".responses")).containsKeys("201", "400", "401", "403", "409", "422");
        assertThat(openApi.getMap(REGISTER + ".responses.'201'.headers")).containsKey("Location");
        assertThat(openApi.getString(REGISTER + ".parameters.find { it.name == 'Idempotency-Key' }.in")).isEqualTo("header");
        assertProblems(openApi, REGISTER, "400", "409", "422");
        assertProblems(openApi, UPDATE, "400", "404", "409");
        assertProblems(openApi, ACCEPT, "404", "409");
        assertThat(openApi.getMap(ACCEPT + ".responses.'409'.headers")).containsKey("Retry-After");
        assertThat(openApi.getMap("components.schemas.Problem.properties"))
                .containsKeys("type", "title", "status", "detail", "violations", "currentState", "orderId");
        assertThat(openApi.getMap("components.securitySchemes")).containsOnlyKeys("bearer");
    }

    /** Each answer of the operation is an application/problem+json Problem. */
    static void assertProblems(JsonPath openApi, String operation, String... statuses) {
        for (String status : statuses) {
            String schema = operation + ".responses.'" + status + "'.content.'application/problem+json'.schema.'$ref'";
            assertThat(openApi.getString(schema))
                    .as("%s answers %s as a problem", operation, status)
                    .isEqualTo(PROBLEM);
        }
    }
}
