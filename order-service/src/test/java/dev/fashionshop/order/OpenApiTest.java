package dev.fashionshop.order;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The OpenAPI document (/q/openapi) tells a client what the order endpoints can answer, and in which shape. */
@QuarkusTest
class OpenApiTest extends OrderServiceTest {

    static final String PROBLEM = "#/components/schemas/Problem";
    static final String PLACE = "paths.'/api/orders'.post";
    static final String PAY = "paths.'/api/orders/{id}/payment'.post";
    static final String CANCEL = "paths.'/api/orders/{id}/cancel'.post";

    JsonPath openApi;

    @BeforeEach
    void theDocument() {
        openApi = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void placingPayingAndCancellingDocumentEachAnswerWithItsProblem() {
        assertThat(openApi.getMap(PLACE + ".responses")).containsKeys("201", "400", "401", "402", "403", "409", "422", "429", "503");
        assertThat(openApi.getString(PLACE + ".responses.'201'.content.'application/json'.schema.'$ref'"))
                .isEqualTo("#/components/schemas/OrderView");
        assertThat(openApi.getMap(PLACE + ".responses.'201'.headers")).containsKey("Location");
        assertThat(openApi.getString(PLACE + ".parameters.find { it.name == 'Idempotency-Key' }.in")).isEqualTo("header");
        assertProblems(PLACE, "400", "402", "409", "422", "503");
        assertThat(openApi.getMap(PLACE + ".responses.'409'.headers")).containsKey("Retry-After");
        assertThat(openApi.getMap(PLACE + ".responses.'503'.headers")).containsKeys("Retry-After", "Location");

        assertProblems(PAY, "400", "402", "404", "409", "503");
        assertThat(openApi.getMap(PAY + ".responses.'503'.headers")).containsKeys("Retry-After", "Location");

        assertProblems(CANCEL, "404", "409");
    }

    @Test
    void theProblemAndTheBearerTokenAreDescribed() {
        assertThat(openApi.getMap("components.schemas.Problem.properties"))
                .containsKeys("type", "title", "status", "detail", "violations", "currentState", "orderId", "orderStatus");
        assertThat(openApi.getMap("components.securitySchemes.bearer"))
                .containsEntry("scheme", "bearer").containsEntry("bearerFormat", "JWT");
        assertThat(openApi.getMap("components.securitySchemes")).hasSize(1);
        assertThat(openApi.getList(PLACE + ".security")).containsExactly(Map.of("bearer", List.of()));
    }

    /** Each answer of the operation is an application/problem+json Problem. */
    void assertProblems(String operation, String... statuses) {
        for (String status : statuses) {
            String schema = operation + ".responses.'" + status + "'.content.'application/problem+json'.schema.'$ref'";
            assertThat(openApi.getString(schema))
                    .as("%s answers %s as a problem", operation, status)
                    .isEqualTo(PROBLEM);
        }
    }
}
