package dev.fashionshop.store.rest;

import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import dev.fashionshop.store.domain.SkuTakenException;
import dev.fashionshop.support.problem.Problem;

/** Domain refusals as RFC 9457 problems. */
public class StoreProblemMappers {

    @ServerExceptionMapper
    public Response skuTaken(SkuTakenException e) {
        return Problem.of(409, "SKU already used", e.getMessage()).toResponse();
    }
}
