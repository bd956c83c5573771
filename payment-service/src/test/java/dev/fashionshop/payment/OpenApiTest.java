package dev.fashionshop.payment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.fashionshop.testsupport.ServiceTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The OpenAPI document (/q/openapi) tells order-service what paying can answer, and in which shape. */
@QuarkusTest
class OpenApiTest extends ServiceTest {

    static final String PAY = "paths.'/payments'.post";

    @Test
    void payingDocumentsItsAnswersAndThatUnavailableSaysWhenToAskAgain() {
        JsonPath openApi = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().jsonPath();

        assertThat(openApi.getMap(PAY + ".responses")).containsKeys("200", "201", "400", "401", "403", "503");
        assertThat(openApi.getString(PAY + ".responses.'201'.content.'application/json'.schema.'$ref'"))
                .isEqualTo("#/components/schemas/PaymentView");
        assertThat(openApi.getString(PAY + ".responses.'503'.content.'application/problem+json'.schema.'$ref'"))
                .isEqualTo("#/components/schemas/Problem");
        assertThat(openApi.getString(PAY + ".responses.'503'.headers.'Retry-After'.schema.type")).isEqualTo("integer");
        assertThat(openApi.getString(PAY + ".responses.'400'.content.'application/problem+json'.schema.'$ref'"))
                .isEqualTo("#/components/schemas/Problem");
        assertThat(openApi.getMap("components.securitySchemes")).containsOnlyKeys("bearer");
    }
}
