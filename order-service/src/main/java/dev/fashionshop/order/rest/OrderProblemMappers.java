package dev.fashionshop.order.rest;

import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import dev.fashionshop.order.domain.InvalidOrderException;
import dev.fashionshop.support.problem.Problem;

/** Order refusals as RFC 9457 problems. */
public class OrderProblemMappers {

    @ServerExceptionMapper
    public Response invalidOrder(InvalidOrderException e) {
        return Problem.of(Response.Status.BAD_REQUEST, e.getMessage())
                .with("violations", e.violations)
                .toResponse();
    }

    /**
     * More orders at once than this replica takes ({@link OrderAdmission}): refused before anything is stored,
     * so the same request, with the same Idempotency-Key, is simply sent again.
     */
    @ServerExceptionMapper
    public Response busy(OrderAdmission.BusyException e) {
        return Response.fromResponse(Problem.of(503, "Busy",
                        "The shop is taking more orders than it can at this moment; nothing was stored. Send the same order again in a moment.")
                        .toResponse())
                .header("Retry-After", OrderAdmission.RETRY_AFTER_SECONDS)
                .build();
    }

    /** The buyer placed as many orders as the period allows ({@link BuyerRateLimit}): nothing was stored. */
    @ServerExceptionMapper
    public Response tooMany(BuyerRateLimit.SpentException e) {
        long seconds = e.retryAfterSeconds();
        return Response.fromResponse(Problem.of(429, "Too Many Requests",
                        "This buyer has placed as many orders as a buyer may in a short while; nothing was stored. Send it again after "
                                + seconds + " s.")
                        .toResponse())
                .header("Retry-After", seconds)
                .build();
    }
}
