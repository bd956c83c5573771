package dev.fashionshop.view;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.fashionshop.testsupport.ServiceTest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** Configured as on Kubernetes, the page signs in with the OIDC provider only: no demo users there. */
@QuarkusTest
@TestProfile(WebUiOnKubernetesTest.OidcOnly.class)
class WebUiOnKubernetesTest extends ServiceTest {

    public static class OidcOnly implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("shop.ui.local-sign-in", "false",
                    "shop.ui.oidc.issuer", "https://id.fashion-shop.example/realms/fashion-shop");
        }
    }

    @Test
    void tellsThePageToSignInWithTheProvider() {
        given().get("/static/config.json").then().statusCode(200)
                .body("localSignIn", is(false))
                .body("oidc.issuer", is("https://id.fashion-shop.example/realms/fashion-shop"))
                .body("oidc.clientId", is("fashion-shop-web"))
                .body("oidc.scope", is("openid"));
    }
}
