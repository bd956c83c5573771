package dev.fashionshop.support.idempotency;

import java.util.Map;

import jakarta.ws.rs.core.Response;

/** The first answer to an idempotent request, as it is stored to be given again: status, type, headers, body. */
public record RecordedAnswer(int status, String contentType, Map<String, String> headers, String body) {

    /** Marks a replayed answer, so that a client (and an operator reading logs) can tell. */
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";

    public Response toResponse() {
        Response.ResponseBuilder answer = Response.status(status).entity(body).header(REPLAYED_HEADER, "true");
        if (contentType != null) {
            answer.type(contentType);
        }
        headers.forEach(answer::header);
        return answer.build();
    }
}
