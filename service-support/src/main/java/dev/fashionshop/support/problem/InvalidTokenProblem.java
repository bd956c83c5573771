package dev.fashionshop.support.problem;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.security.AuthenticationFailedException;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * A request whose bearer token is not valid (forged, expired, unsigned, of another issuer) fails before it
 * reaches the REST layer: Quarkus authenticates every request that carries credentials first. Its answer is a 401
 * problem with the Bearer challenge, as a request without a token gets from {@link ProblemMappers}.
 */
@ApplicationScoped
public class InvalidTokenProblem {

    void register(@Observes Router router) {
        router.route().failureHandler(this::answer);
    }

    private void answer(RoutingContext context) {
        if (!(context.failure() instanceof AuthenticationFailedException) || context.response().headWritten()) {
            context.next();
            return;
        }
        context.response().setStatusCode(401)
                .putHeader("WWW-Authenticate", "Bearer")
                .putHeader("Content-Type", Problem.MEDIA_TYPE)
                .end(Problem.json(401, "Unauthorized", ProblemMappers.INVALID_TOKEN));
    }
}
