package dev.fashionshop.payment.rest;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import dev.fashionshop.payment.provider.ProviderUnavailableException;
import dev.fashionshop.support.problem.Problem;

/** Payment refusals as RFC 9457 problems. */
public class PaymentProblemMappers {

    /** Seconds a caller should wait before asking again when payments are unavailable. */
    static final int RETRY_AFTER_SECONDS = 5;

    @ServerExceptionMapper
    public Response providerUnavailable(ProviderUnavailableException e) {
        return unavailable(e.getMessage());
    }

    @ServerExceptionMapper
    public Response overloaded(BulkheadException e) {
        return unavailable("Too many payments in flight; try again shortly.");
    }

    static Response unavailable(String detail) {
        Response problem = Problem.of(Response.Status.SERVICE_UNAVAILABLE, detail).toResponse();
        return Response.fromResponse(problem).header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS).build();
    }
}
