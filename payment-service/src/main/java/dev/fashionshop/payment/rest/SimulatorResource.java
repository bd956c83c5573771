package dev.fashionshop.payment.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;

import org.jboss.logging.Logger;

import dev.fashionshop.payment.provider.PaymentProvider;
import dev.fashionshop.payment.provider.SimulatorSettings;

/** Internal, operators only: the knobs of the payment-provider simulator. Never routed by the gateway. */
@Path("/admin/simulator")
@RolesAllowed("operator")
public class SimulatorResource {

    private static final Logger LOG = Logger.getLogger(SimulatorResource.class);

    @Inject
    SimulatorSettings settings;

    @Inject
    PaymentProvider provider;

    /** What the provider is doing now: how many payments it is deciding on. */
    public record Activity(int authorizing) {
    }

    public record Knobs(
            @NotNull @Min(0) @Max(60_000) Long latencyMs,
            @NotNull @DecimalMin("0.0") @DecimalMax("1.0") Double failureRate) {
    }

    @GET
    public SimulatorSettings.Knobs get() {
        return settings.current();
    }

    @GET
    @Path("activity")
    public Activity activity() {
        return new Activity(provider.authorizing());
    }

    @PUT
    public SimulatorSettings.Knobs set(@NotNull @Valid Knobs knobs) {
        settings.set(new SimulatorSettings.Knobs(knobs.latencyMs(), knobs.failureRate()));
        LOG.infof("Payment simulator set to %d ms latency, %.0f%% failures", knobs.latencyMs(), knobs.failureRate() * 100);
        return settings.current();
    }
}
