package dev.fashionshop.store.rest;

import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import dev.fashionshop.store.domain.IllegalTransitionException;
import dev.fashionshop.store.domain.SkuTakenException;
import dev.fashionshop.support.problem.Problem;

/** Domain refusals as RFC 9457 problems. */
public class StoreProblemMappers {

    @ServerExceptionMapper
    public Response illegalTransition(IllegalTransitionException e) {
        return Problem.of(409, "Not allowed in the current state", e.getMessage())
                .with("orderId", e.orderId)
                .with("currentState", e.currentState)
                .toResponse();
    }

    @ServerExceptionMapper
    public Response skuTaken(SkuTakenException e) {
        return Problem.of(409, "SKU already used", e.getMessage()).toResponse();
    }
}
