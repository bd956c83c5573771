package dev.fashionshop.order.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.fashionshop.order.client.PaymentGateway;
import dev.fashionshop.support.problem.Problem;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;

/** Internal, operators only: the state of this replica's circuit breakers. Never routed by the gateway. */
@Path("/admin/circuit-breakers")
@RolesAllowed("operator")
@Tag(name = "Operations", description = "Internal, operators only; never routed by the gateway")
@SecurityRequirement(name = "bearer")
@APIResponse(responseCode = "401", description = "No valid bearer token")
@APIResponse(responseCode = "403", description = "The token is not an operator's")
@APIResponse(responseCode = "500", description = "An unexpected failure; the problem tells nothing of it",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetails.class)))
public class CircuitBreakerResource {

    /** A breaker by name, and its state: CLOSED, OPEN or HALF_OPEN. */
    public record Breaker(String name, String state) {
    }

    private final CircuitBreakerMaintenance breakers;

    public CircuitBreakerResource(CircuitBreakerMaintenance breakers) {
        this.breakers = breakers;
    }

    @Operation(summary = "This replica's circuit breakers and their states")
    @APIResponse(responseCode = "200", description = "Each breaker: CLOSED, OPEN or HALF_OPEN")
    @GET
    public List<Breaker> list() {
        return List.of(new Breaker(PaymentGateway.BREAKER, breakers.currentState(PaymentGateway.BREAKER).name()));
    }
}
