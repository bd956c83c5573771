package dev.fashionshop.payment.rest;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import dev.fashionshop.payment.domain.Payment;
import dev.fashionshop.payment.service.PaymentService;
import dev.fashionshop.support.problem.Problem;
import io.smallrye.mutiny.Uni;

/**
 * Internal: order-service pays an order here, with the buyer's token it forwards. Never routed by the
 * gateway. Idempotent per order: the first call creates the payment (201), later calls answer it (200).
 */
@Path("/payments")
@Tag(name = "Payments", description = "Internal, never routed by the gateway: order-service pays an order here with the "
        + "buyer's token it forwards")
@SecurityRequirement(name = "bearer")
@APIResponse(responseCode = "401", description = "No valid bearer token")
@APIResponse(responseCode = "500", description = "An unexpected failure; the problem tells nothing of it",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetails.class)))
public class PaymentResource {

    private final PaymentService payments;
    private final JsonWebToken caller;

    PaymentResource(PaymentService payments, JsonWebToken caller) {
        this.payments = payments;
        this.caller = caller;
    }

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

    @Operation(summary = "Pay an order, once", description = "The first call asks the provider and records its decision; "
            + "a later call for the same order answers that payment again without asking.")
    @APIResponse(responseCode = "201", description = "The payment, approved or declined (status, reason)",
            headers = @Header(name = "Location", description = "The payment"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PaymentView.class)))
    @APIResponse(responseCode = "200", description = "The order's payment, as first decided",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PaymentView.class)))
    @APIResponse(responseCode = "400", description = "The request is not valid: violations names each field",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetails.class)))
    @APIResponse(responseCode = "403", description = "The token is not a buyer's")
    @APIResponse(responseCode = "503", description = "Payments unavailable: the provider did not answer, or too many "
            + "payments are in flight; nothing was recorded, ask again after Retry-After",
            headers = @Header(name = "Retry-After", description = "Seconds to wait", schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetails.class)))
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

    @Operation(summary = "An order's payment")
    @APIResponse(responseCode = "200", description = "The payment")
    @APIResponse(responseCode = "403", description = "The token is not an operator's")
    @APIResponse(responseCode = "404", description = "No payment for this order",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetails.class)))
    @GET
    @Path("{orderId}")
    @RolesAllowed("operator")
    public Uni<PaymentView> get(UUID orderId) {
        return payments.find(orderId).onItem().ifNull().failWith(() -> new NotFoundException("No payment for " + orderId))
                .map(PaymentView::of);
    }
}
