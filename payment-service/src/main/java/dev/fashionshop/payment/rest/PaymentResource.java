package dev.fashionshop.payment.rest;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.RestResponse;

import dev.fashionshop.payment.domain.Payment;
import dev.fashionshop.payment.service.PaymentService;
import io.smallrye.mutiny.Uni;

/**
 * Internal: order-service pays an order here, with the buyer's token it forwards. Never routed by the
 * gateway. Idempotent per order: the first call creates the payment (201), later calls answer it (200).
 */
@Path("/payments")
public class PaymentResource {

    @Inject
    PaymentService payments;

    @Inject
    JsonWebToken caller;

    public record PayRequest(
            @NotNull UUID orderId,
            @NotNull @PositiveOrZero Long amount,
            @NotNull @Pattern(regexp = "[A-Z]{3}") String currency,
            @Size(max = 100) String paymentToken) {
    }

    public record PaymentView(UUID paymentId, UUID orderId, String status, long amount, String currency, String reason) {

        static PaymentView of(Payment payment) {
            return new PaymentView(payment.id, payment.orderId, payment.status.name(), payment.amount, payment.currency,
                    payment.reason);
        }
    }

    @POST
    @RolesAllowed("buyer")
    public Uni<RestResponse<PaymentView>> pay(@NotNull @Valid PayRequest request) {
        var command = new PaymentService.PaymentRequest(request.orderId(), caller.getSubject(), request.amount(),
                request.currency(), request.paymentToken());
        return payments.pay(command).map(outcome -> {
            PaymentView view = PaymentView.of(outcome.payment());
            return outcome.created()
                    ? RestResponse.ResponseBuilder.<PaymentView> created(URI.create("/payments/" + view.orderId()))
                            .entity(view).build()
                    : RestResponse.ok(view);
        });
    }

    @GET
    @Path("{orderId}")
    @RolesAllowed("operator")
    public Uni<PaymentView> get(UUID orderId) {
        return payments.find(orderId).onItem().ifNull().failWith(() -> new NotFoundException("No payment for " + orderId))
                .map(PaymentView::of);
    }
}
