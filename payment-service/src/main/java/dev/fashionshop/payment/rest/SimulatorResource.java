package dev.fashionshop.payment.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

import dev.fashionshop.payment.provider.PaymentProvider;
import dev.fashionshop.payment.provider.SimulatorSettings;
import dev.fashionshop.support.problem.Problem;

/** Internal, operators only: the knobs of the payment-provider simulator. Never routed by the gateway. */
@Path("/admin/simulator")
@RolesAllowed("operator")
@Tag(name = "Simulator", description = "Internal, operators only, never routed by the gateway: the payment-provider "
        + "simulator's knobs")
@SecurityRequirement(name = "bearer")
@APIResponse(responseCode = "401", description = "No valid bearer token")
@APIResponse(responseCode = "403", description = "The token is not an operator's")
@APIResponse(responseCode = "500", description = "An unexpected failure; the problem tells nothing of it",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetails.class)))
public class SimulatorResource {

    private static final Logger LOG = Logger.getLogger(SimulatorResource.class);

    private final SimulatorSettings settings;
    private final PaymentProvider provider;

    SimulatorResource(SimulatorSettings settings, PaymentProvider provider) {
        this.settings = settings;
        this.provider = provider;
    }

    /** What the provider is doing now: how many payments it is deciding on. */
    public record Activity(int authorizing) {
    }

    @Schema(name = "KnobsRequest")
    public record Knobs(
            @NotNull @Min(0) @Max(60_000) Long latencyMs,
            @NotNull @DecimalMin("0.0") @DecimalMax("1.0") Double failureRate) {
    }

    @Operation(summary = "The simulator's knobs now")
    @APIResponse(responseCode = "200", description = "Its latency and failure rate")
    @GET
    public SimulatorSettings.Knobs get() {
        return settings.current();
    }

    @Operation(summary = "What the simulated provider is doing now")
    @APIResponse(responseCode = "200", description = "How many payments it is deciding on")
    @GET
    @Path("activity")
    public Activity activity() {
        return new Activity(provider.authorizing());
    }

    @Operation(summary = "Set the simulator's latency and failure rate")
    @APIResponse(responseCode = "200", description = "The knobs as set")
    @APIResponse(responseCode = "400", description = "The knobs are not valid: violations names each",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetails.class)))
    @PUT
    public SimulatorSettings.Knobs set(@NotNull @Valid Knobs knobs) {
        settings.set(new SimulatorSettings.Knobs(knobs.latencyMs(), knobs.failureRate()));
        LOG.infof("Payment simulator set to %d ms latency, %.0f%% failures", knobs.latencyMs(), knobs.failureRate() * 100);
        return settings.current();
    }
}
