package dev.fashionshop.order.client;

import java.util.UUID;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.smallrye.mutiny.Uni;

/**
 * payment-service's internal API. The buyer's bearer token is forwarded (see
 * org.eclipse.microprofile.rest.client.propagateHeaders), so payment-service knows who pays.
 */
@RegisterRestClient(configKey = "payment-service")
@RegisterClientHeaders
@Path("/payments")
public interface PaymentClient {

    record PaymentRequest(UUID orderId, long amount, String currency, String paymentToken) {
    }

    record PaymentResult(UUID paymentId, UUID orderId, String status, long amount, String currency, String reason) {

        public boolean approved() {
            return "APPROVED".equals(status);
        }
    }

    @POST
    Uni<PaymentResult> pay(PaymentRequest request);
}
