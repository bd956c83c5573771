package dev.fashionshop.payment.rest;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of every error answer, for the OpenAPI document only: the RFC 9457 problem
 * {@link dev.fashionshop.support.problem.Problem} writes, with the members of its own this service adds.
 */
@Schema(name = "Problem", description = "An RFC 9457 problem (application/problem+json); members other than type, title, "
        + "status and detail appear only in the answers that say so", additionalProperties = Schema.True.class)
public record ProblemDetails(
        @Schema(required = true, examples = "about:blank") String type,
        @Schema(required = true, description = "What kind of problem, e.g. Bad Request or Service Unavailable") String title,
        @Schema(required = true) int status,
        @Schema(description = "What happened to this request, for a person") String detail,
        @Schema(description = "400: each input that is not valid") List<Violation> violations) {

    public record Violation(
            @Schema(description = "The field, e.g. amount") String field,
            String message) {
    }
}
