package dev.fashionshop.order.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import dev.fashionshop.order.client.PaymentGateway;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;

/** Internal, operators only: the state of this replica's circuit breakers. Never routed by the gateway. */
@Path("/admin/circuit-breakers")
@RolesAllowed("operator")
public class CircuitBreakerResource {

    /** A breaker by name, and its state: CLOSED, OPEN or HALF_OPEN. */
    public record Breaker(String name, String state) {
    }

    private final CircuitBreakerMaintenance breakers;

    public CircuitBreakerResource(CircuitBreakerMaintenance breakers) {
        this.breakers = breakers;
    }

    @GET
    public List<Breaker> list() {
        return List.of(new Breaker(PaymentGateway.BREAKER, breakers.currentState(PaymentGateway.BREAKER).name()));
    }
}
