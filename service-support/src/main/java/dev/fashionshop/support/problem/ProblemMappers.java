package dev.fashionshop.support.problem;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import dev.fashionshop.support.domain.IllegalTransitionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import dev.fashionshop.support.idempotency.IdempotencyKeyReusedException;
import dev.fashionshop.support.idempotency.InvalidIdempotencyKeyException;
import dev.fashionshop.support.idempotency.RequestInProgressException;

/**
 * Every error a service answers, as a problem: bad input is a 400 naming what is wrong, an unknown
 * resource a 404, an Idempotency-Key reused with another request a 422 (one still in progress a 409), a row another
 * transaction changed first a 409 to send again, and an unexpected failure a 500 that reveals nothing of the internals. Security
 * refusals are problems too: a 401 (no token, or one that is not valid) with its Bearer challenge, a 403 (a token of
 * the wrong role).
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    private static final int CHANGED_MEANWHILE_RETRY_AFTER_SECONDS = 1;
    static final String INVALID_TOKEN = "The bearer token is not valid: not signed by the shop's issuer, expired, or malformed";

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e) {
        List<Map<String, String>> violations = e.getConstraintViolations().stream()
                .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                .map(v -> Map.of("field", field(v), "message", v.getMessage()))
                .toList();
        return Problem.of(Response.Status.BAD_REQUEST, "The request is not valid")
                .with("violations", violations)
                .toResponse();
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e) {
        return Problem.of(Response.Status.BAD_REQUEST, "The body is not the JSON expected: " + e.getOriginalMessage())
                .toResponse();
    }

    /** More specific than {@link #unreadable}: takes the place of Quarkus' own mapper for it. */
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e) {
        String where = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .reduce("", (path, part) -> path.isEmpty() || part.startsWith("[") ? path + part : path + "." + part);
        return Problem.of(Response.Status.BAD_REQUEST,
                "The body is not the JSON expected" + (where.isEmpty() ? "" : " at " + where) + ": " + e.getOriginalMessage())
                .toResponse();
    }

    /** A command the aggregate's current state does not allow: the problem names it and that state. */
    @ServerExceptionMapper
    public Response illegalTransition(IllegalTransitionException e) {
        Problem problem = Problem.of(Response.Status.CONFLICT.getStatusCode(), "Not allowed in the current state", e.getMessage());
        e.subject().forEach(problem::with);
        return problem.with("currentState", e.currentState()).toResponse();
    }

    @ServerExceptionMapper
    public Response invalidKey(InvalidIdempotencyKeyException e) {
        return Problem.of(Response.Status.BAD_REQUEST, e.getMessage()).toResponse();
    }

    @ServerExceptionMapper
    public Response keyReused(IdempotencyKeyReusedException e) {
        return Problem.of(422, "Idempotency-Key reused", e.getMessage()).toResponse();
    }

    @ServerExceptionMapper
    public Response inProgress(RequestInProgressException e) {
        return Response.fromResponse(Problem.of(Response.Status.CONFLICT, e.getMessage()).toResponse())
                .header("Retry-After", RequestInProgressException.RETRY_AFTER_SECONDS)
                .build();
    }

    /**
     * Another transaction changed the same row first (a versioned entity: the owner releasing stock while
     * the store reserves it for an order): nothing was written, and the same request again will do.
     */
    @ServerExceptionMapper
    public Response changedMeanwhile(OptimisticLockException e) {
        return Response.fromResponse(Problem.of(Response.Status.CONFLICT,
                        "What this request changes was changed by another at the same moment; nothing was done, send it again")
                        .toResponse())
                .header("Retry-After", CHANGED_MEANWHILE_RETRY_AFTER_SECONDS)
                .build();
    }

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e) {
        return unauthorized("This needs a valid bearer token");
    }

    /** A token that is not valid: what is wrong with it stays in the service's log, as the challenge says no more. */
    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e) {
        return unauthorized(INVALID_TOKEN);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return Problem.of(Response.Status.FORBIDDEN, "This token's roles do not allow this").toResponse();
    }

    private static Response unauthorized(String detail) {
        return Response.fromResponse(Problem.of(Response.Status.UNAUTHORIZED, detail).toResponse())
                .header("WWW-Authenticate", "Bearer")
                .build();
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        Response.StatusType status = e.getResponse().getStatusInfo();
        if (status.getStatusCode() >= 500) {
            LOG.error("Request failed", e);
            return Problem.of(status, null).toResponse();
        }
        return Problem.of(status, e.getMessage()).toResponse();
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        LOG.error("Request failed unexpectedly", e);
        return Problem.of(Response.Status.INTERNAL_SERVER_ERROR, null).toResponse();
    }

    /** The offending input: {@code register.request.price} becomes {@code price}, keeping nested paths. */
    private static String field(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        String[] parts = path.split("\\.", 3);
        return parts.length == 3 ? parts[2] : path;
    }
}
