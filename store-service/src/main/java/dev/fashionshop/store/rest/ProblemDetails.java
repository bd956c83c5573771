package dev.fashionshop.store.rest;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of every error answer, for the OpenAPI document only: the RFC 9457 problem
 * {@link dev.fashionshop.support.problem.Problem} writes, with the members of its own this service adds.
 */
@Schema(name = "Problem", description = "An RFC 9457 problem (application/problem+json); members other than type, title, "
        + "status and detail appear only in the answers that say so", additionalProperties = Schema.True.class)
public record ProblemDetails(
        @Schema(required = true, examples = "about:blank") String type,
        @Schema(required = true, description = "What kind of problem, e.g. Conflict or SKU already used") String title,
        @Schema(required = true) int status,
        @Schema(description = "What happened to this request, for a person") String detail,
        @Schema(description = "400: each input that is not valid") List<Violation> violations,
        @Schema(description = "409 Not allowed in the current state: the state the store order is in") String currentState,
        @Schema(description = "409 Not allowed in the current state: the store order") UUID orderId) {

    public record Violation(
            @Schema(description = "The field, e.g. variants[0].sku") String field,
            String message) {
    }
}
