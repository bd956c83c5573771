package dev.fashionshop.order.rest;

import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import dev.fashionshop.order.domain.IllegalTransitionException;
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

    @ServerExceptionMapper
    public Response illegalTransition(IllegalTransitionException e) {
        return Problem.of(409, "Not allowed in the current state", e.getMessage())
                .with("orderId", e.orderId)
                .with("currentState", e.currentState)
                .toResponse();
    }
}
