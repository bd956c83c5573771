package dev.fashionshop.view;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;

import dev.fashionshop.testsupport.ServiceTest;
import io.quarkus.test.junit.QuarkusTest;

/** The service serves the web UI: the page with its bundle, its pictures, and the deployment's sign-in settings. */
@QuarkusTest
class WebUiTest extends ServiceTest {

    @Test
    void servesThePageWithItsBundledScriptAndStyles() {
        String page = given().get("/").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("<shop-app>"))
                .extract().asString();
        String script = page.replaceAll("(?s).*<script[^>]+src=\"([^\"]+)\".*", "$1");
        given().get(script).then().statusCode(200).body(containsString("shop-app"));
        String styles = page.replaceAll("(?s).*<link[^>]+href=\"([^\"]+\\.css)\".*", "$1");
        given().get(styles).then().statusCode(200).body(containsString(".catalogue"));
    }

    @Test
    void servesTheDemoCataloguesPictures() {
        given().get("/static/images/demo/linen-shirt.svg").then().statusCode(200)
                .contentType(containsString("image/svg+xml")).body(containsString("Linen shirt"));
    }

    @Test
    void tellsThePageHowToSignIn() {
        given().get("/static/config.json").then().statusCode(200)
                .body("localSignIn", is(true))
                .body("oidc", nullValue());
    }

    @Test
    void unknownAssetsAreNotFound() {
        given().get("/static/images/demo/no-such-picture.svg").then().statusCode(404);
        given().get("/").then().header("Content-Type", matchesPattern("text/html.*"));
    }
}
