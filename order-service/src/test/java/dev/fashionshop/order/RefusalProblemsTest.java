package dev.fashionshop.order;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The refusals that happen before a resource method runs are problems like every other answer (service-support's
 * ProblemMappers, InvalidTokenProblem and BodySizeLimit; every service has them): a body beyond the limit, no token,
 * a token that is not valid, a token of the wrong role.
 */
@QuarkusTest
class RefusalProblemsTest extends OrderServiceTest {

    @Test
    void aBodyBeyondTheLimitIsA413ProblemAndNothingIsStored() {
        long storedBefore = database.queryForLong("select count(*) from orders");
        String huge = "{\"shippingAddress\":\"" + "x".repeat(70_000) + "\",\"lines\":[]}";

        given().auth().oauth2(tokens.buyer("alice")).contentType(ContentType.JSON).body(huge).post("/api/orders")
                .then().statusCode(413).contentType("application/problem+json")
                .body("title", is("Content Too Large"))
                .body("detail", containsString("65536 bytes"));
        assertThat(database.queryForLong("select count(*) from orders")).isEqualTo(storedBefore);
    }

    @Test
    void noTokenIsA401ProblemWithItsChallenge() {
        given().get("/api/orders").then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("detail", is("This needs a valid bearer token"));
    }

    @Test
    void aTokenThatIsNotValidIsA401ProblemWithItsChallenge() {
        String unsigned = tokens.buyer("alice").replaceFirst("\\.[^.]+$", ".");
        for (String token : new String[] { "not-a-token", unsigned, tokens.buyer("alice") + "x" }) {
            given().auth().oauth2(token).get("/api/orders").then().statusCode(401).contentType("application/problem+json")
                    .header("WWW-Authenticate", "Bearer")
                    .body("detail", containsString("not valid"));
        }
    }

    @Test
    void aTokenOfTheWrongRoleIsA403Problem() {
        given().auth().oauth2(tokens.owner()).get("/api/orders").then().statusCode(403).contentType("application/problem+json")
                .body("title", is("Forbidden"));
    }
}
