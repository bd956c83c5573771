package dev.fashionshop.support.problem;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * A body announced larger than {@code quarkus.http.limits.max-body-size} is refused with a 413 problem before
 * any of it is read, as every other refusal is a problem (Quarkus' own answer to it is a bare 413). A body
 * that does not announce its length and grows beyond the limit is still cut off by Quarkus itself.
 */
@ApplicationScoped
public class BodySizeLimit {

    /** Before authentication and the REST layer: an oversized body costs no token check. */
    private static final int PRIORITY = 1_000;

    private final long maxBodySize;

    BodySizeLimit(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize) {
        this.maxBodySize = maxBodySize.asLongValue();
    }

    void register(@Observes Filters filters) {
        filters.register(this::check, PRIORITY);
    }

    private void check(RoutingContext context) {
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && tooLarge(length)) {
            context.response().setStatusCode(413)
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    // the body is not read: the connection cannot carry another request after it
                    .putHeader(HttpHeaders.CONNECTION, "close")
                    .end(Problem.json(413, "Content Too Large", "The body is larger than the " + maxBodySize
                            + " bytes a request may carry"));
            return;
        }
        context.next();
    }

    private boolean tooLarge(String length) {
        try {
            return Long.parseLong(length.trim()) > maxBodySize;
        } catch (NumberFormatException notANumber) {
            return false; // Vert.x refuses the request itself
        }
    }
}
