package dev.fashionshop.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.client.ClientRequestFilter;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.DslPart;
import au.com.dius.pact.consumer.dsl.LambdaDsl;
import au.com.dius.pact.consumer.dsl.PactDslRequestWithPath;
import au.com.dius.pact.consumer.dsl.PactDslRequestWithoutPath;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import au.com.dius.pact.core.model.annotations.PactDirectory;
import dev.fashionshop.order.client.PaymentClient;
import dev.fashionshop.order.client.PaymentClient.PaymentRequest;
import dev.fashionshop.order.client.PaymentClient.PaymentResult;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.quarkus.test.junit.QuarkusTest;

/**
 * order-service's contract with payment-service (consumer side): what {@link PaymentClient} sends and what
 * of the answers order-service relies on. Writes pacts/order-service-payment-service.json, which
 * payment-service verifies. The client is built against Pact's mock server, because every test of this
 * module points the configured payment-service client at {@link PaymentServiceStub}.
 */
@QuarkusTest
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = PaymentClientContractTest.PROVIDER, pactVersion = PactSpecVersion.V4)
@PactDirectory("../pacts")
class PaymentClientContractTest {

    static final String CONSUMER = "order-service";
    static final String PROVIDER = "payment-service";

    // fixed examples keep the committed pact file stable; the provider replays them
    private static final UUID APPROVED_ORDER = UUID.fromString("6f1c2a52-8a0e-4a53-9d3b-1d4f6b0c2e01");
    private static final UUID DECLINED_ORDER = UUID.fromString("6f1c2a52-8a0e-4a53-9d3b-1d4f6b0c2e02");
    private static final UUID PAID_ORDER = UUID.fromString("6f1c2a52-8a0e-4a53-9d3b-1d4f6b0c2e03");
    private static final UUID UNPAYABLE_ORDER = UUID.fromString("6f1c2a52-8a0e-4a53-9d3b-1d4f6b0c2e04");
    private static final String BUYER_TOKEN = "a.buyer.jwt";
    // with or without a charset
    private static final String JSON = "application/json.*";

    // provider states: payment-service's verification sets them up by these names
    private static final String ORDER_PAID = "the order is already paid";
    private static final String PROVIDER_DOWN = "the payment provider does not answer";

    @Pact(consumer = CONSUMER, provider = PROVIDER)
    V4Pact anApprovedPayment(PactDslWithProvider builder) {
        var request = builder.uponReceiving("a payment of an order");
        return paymentRequest(request, APPROVED_ORDER, "tok_visa")
                .willRespondWith()
                .status(201)
                .matchHeader("Content-Type", JSON, "application/json")
                .body(paymentResult("APPROVED"))
                .toPact(V4Pact.class);
    }

    @Pact(consumer = CONSUMER, provider = PROVIDER)
    V4Pact aDeclinedPayment(PactDslWithProvider builder) {
        var request = builder.uponReceiving("a payment with the card token the issuer declines");
        return paymentRequest(request, DECLINED_ORDER, "tok_declined")
                .willRespondWith()
                .status(201)
                .matchHeader("Content-Type", JSON, "application/json")
                .body(paymentResult("DECLINED"))
                .toPact(V4Pact.class);
    }

    /** The payment call is retried: asking again for a paid order must answer its payment, not charge again. */
    @Pact(consumer = CONSUMER, provider = PROVIDER)
    V4Pact aPaymentAskedForAgain(PactDslWithProvider builder) {
        var request = builder.given(ORDER_PAID, Map.of("orderId", PAID_ORDER.toString()))
                .uponReceiving("a payment of an order that is already paid");
        return paymentRequest(request, PAID_ORDER, "tok_visa")
                .willRespondWith()
                .status(200)
                .matchHeader("Content-Type", JSON, "application/json")
                .body(paymentResult("APPROVED"))
                .toPact(V4Pact.class);
    }

    /**
     * When payment-service cannot take the payment it must fail the call (any 5xx): order-service then
     * defers the order. A 2xx answer that is not APPROVED would be taken for a decline.
     */
    @Pact(consumer = CONSUMER, provider = PROVIDER)
    V4Pact anUnavailableProvider(PactDslWithProvider builder) {
        var request = builder.given(PROVIDER_DOWN)
                .uponReceiving("a payment while the payment provider does not answer");
        return paymentRequest(request, UNPAYABLE_ORDER, "tok_visa")
                .willRespondWith()
                .serverErrorStatus()
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "anApprovedPayment")
    void anApprovedPaymentIsUnderstood(MockServer paymentService) {
        PaymentResult result = pay(paymentService, APPROVED_ORDER, "tok_visa");

        assertThat(result.approved()).isTrue();
        assertThat(result.paymentId()).isNotNull();
    }

    @Test
    @PactTestFor(pactMethod = "aDeclinedPayment")
    void aDeclinedPaymentIsUnderstood(MockServer paymentService) {
        PaymentResult result = pay(paymentService, DECLINED_ORDER, "tok_declined");

        assertThat(result.approved()).isFalse();
        assertThat(result.paymentId()).isNotNull();
    }

    @Test
    @PactTestFor(pactMethod = "aPaymentAskedForAgain")
    void aPaymentAskedForAgainIsUnderstood(MockServer paymentService) {
        PaymentResult result = pay(paymentService, PAID_ORDER, "tok_visa");

        assertThat(result.approved()).isTrue();
        assertThat(result.paymentId()).isNotNull();
    }

    @Test
    @PactTestFor(pactMethod = "anUnavailableProvider")
    void anUnavailableProviderFailsTheCall(MockServer paymentService) {
        assertThatThrownBy(() -> pay(paymentService, UNPAYABLE_ORDER, "tok_visa"))
                .isInstanceOf(WebApplicationException.class);
    }

    /**
     * POST /payments as order-service sends it: with the buyer's token, for one order of 5000 cents, every
     * field typed except the card token, which decides the answer.
     */
    private static PactDslRequestWithPath paymentRequest(PactDslRequestWithoutPath request, UUID orderId,
            String paymentToken) {
        return request.method("POST").path("/payments")
                .matchHeader("Authorization", "Bearer .+", "Bearer " + BUYER_TOKEN)
                .matchHeader("Content-Type", JSON, "application/json")
                .body(LambdaDsl.newJsonBody(body -> body
                        .uuid("orderId", orderId)
                        .integerType("amount", 5000)
                        .stringMatcher("currency", "[A-Z]{3}", "EUR")
                        .stringValue("paymentToken", paymentToken)).build());
    }

    /** What order-service reads of the answer: the payment's id and its status. */
    private static DslPart paymentResult(String status) {
        return LambdaDsl.newJsonBody(body -> body
                .uuid("paymentId", UUID.fromString("0b7e6a4e-3f5d-4c1a-8e2b-7a9d5c3f1e00"))
                .stringValue("status", status)).build();
    }

    /** Calls the mock server as order-service calls payment-service, with the buyer's token it forwards. */
    private static PaymentResult pay(MockServer paymentService, UUID orderId, String paymentToken) {
        ClientRequestFilter buyersToken = request -> request.getHeaders()
                .putSingle("Authorization", "Bearer " + BUYER_TOKEN);
        PaymentClient client = QuarkusRestClientBuilder.newBuilder()
                .baseUri(URI.create(paymentService.getUrl()))
                .register(buyersToken)
                .build(PaymentClient.class);
        return client.pay(new PaymentRequest(orderId, 5000, "EUR", paymentToken))
                .await().atMost(Duration.ofSeconds(10));
    }
}
