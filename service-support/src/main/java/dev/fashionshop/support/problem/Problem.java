package dev.fashionshop.support.problem;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.ws.rs.core.Response;

import io.vertx.core.json.JsonObject;

/**
 * An RFC 9457 problem details answer ({@code application/problem+json}): a status, a short title, a
 * detail for this occurrence, and members of its own (e.g. {@code orderId}, {@code currentState}).
 */
public final class Problem {

    public static final String MEDIA_TYPE = "application/problem+json";

    private final Map<String, Object> members = new LinkedHashMap<>();
    private final int status;

    private Problem(int status, String title, String detail) {
        this.status = status;
        members.put("type", "about:blank");
        members.put("title", title);
        members.put("status", status);
        if (detail != null) {
            members.put("detail", detail);
        }
    }

    public static Problem of(Response.StatusType status, String detail) {
        return new Problem(status.getStatusCode(), status.getReasonPhrase(), detail);
    }

    public static Problem of(int status, String title, String detail) {
        return new Problem(status, title, detail);
    }

    /** Adds a member of this problem type, such as the order it concerns. */
    public Problem with(String name, Object value) {
        members.put(name, value);
        return this;
    }

    /** The body of a problem answered outside the REST layer (a Vert.x handler), with no members of its own. */
    public static String json(int status, String title, String detail) {
        return new JsonObject(new Problem(status, title, detail).members).encode();
    }

    public Response toResponse() {
        return Response.status(status).type(MEDIA_TYPE).entity(members).build();
    }
}
