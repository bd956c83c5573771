package dev.fashionshop.payment;

import static io.restassured.RestAssured.given;

import java.net.URL;

import jakarta.inject.Inject;

import org.apache.hc.core5.http.HttpRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

import au.com.dius.pact.core.model.ProviderState;
import au.com.dius.pact.provider.junit5.HttpTestTarget;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.State;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import dev.fashionshop.payment.provider.SimulatorSettings;
import dev.fashionshop.testsupport.ServiceTest;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * payment-service against the contracts its consumers wrote (pacts/, committed; no broker): each
 * interaction is replayed against the running service, with a genuine buyer token.
 * <p>
 * Provider states are set up in {@link #providerStates}: Pact calls the {@code @State} methods on an instance
 * Quarkus did not inject (quarkiverse/quarkus-pact#2), so they only declare which states exist.
 */
@QuarkusTest
@Provider("payment-service")
@PactFolder("../pacts")
class PaymentContractVerificationTest extends ServiceTest {

    private static final String ORDER_PAID = "the order is already paid";
    private static final String PROVIDER_DOWN = "the payment provider does not answer";

    @TestHTTPResource("/")
    URL service;

    @Inject
    SimulatorSettings simulator;

    @BeforeEach
    void providerStates(PactVerificationContext context) {
        context.setTarget(new HttpTestTarget(service.getHost(), service.getPort()));
        for (ProviderState state : context.getInteraction().getProviderStates()) {
            switch (state.getName()) {
                case ORDER_PAID -> pay(String.valueOf(state.getParams().get("orderId")));
                case PROVIDER_DOWN -> simulator.set(new SimulatorSettings.Knobs(0, 1.0));
                default -> throw new IllegalStateException("Unknown provider state: " + state.getName());
            }
        }
    }

    @AfterEach
    void healthyProvider() {
        simulator.set(new SimulatorSettings.Knobs(0, 0));
    }

    @TestTemplate
    @ExtendWith(PactVerificationInvocationContextProvider.class)
    void verify(PactVerificationContext context, HttpRequest request) {
        request.setHeader("Authorization", "Bearer " + tokens.buyer("alice"));
        context.verifyInteraction();
    }

    @State(ORDER_PAID)
    void orderPaid() {
        // set up in providerStates
    }

    @State(PROVIDER_DOWN)
    void providerDown() {
        // set up in providerStates
    }

    private void pay(String orderId) {
        given().auth().oauth2(tokens.buyer("alice")).contentType(ContentType.JSON)
                .body(PaymentResourceTest.payment(orderId, "tok_visa"))
                .when().post("/payments")
                .then().statusCode(201);
    }
}
