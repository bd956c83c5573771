package dev.fashionshop.local.identity;

import dev.fashionshop.local.gateway.Gateway;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;

/** POST /api/auth/token {username, password} → {access_token, token_type, expires_in}, for the demo users. */
public final class TokenEndpoint implements Handler<HttpServerRequest> {

    private final LocalIdentity identity;

    public TokenEndpoint(LocalIdentity identity) {
        this.identity = identity;
    }

    @Override
    public void handle(HttpServerRequest request) {
        if (request.method() != HttpMethod.POST) {
            request.response().putHeader("Allow", "POST");
            Gateway.problem(request.response(), 405, "Method Not Allowed", "Use POST with {username, password}");
            return;
        }
        request.body().onSuccess(body -> {
            JsonObject credentials;
            try {
                credentials = body.toJsonObject();
            } catch (DecodeException | ClassCastException e) {
                Gateway.problem(request.response(), 400, "Bad Request", "Expected {\"username\", \"password\"} as JSON");
                return;
            }
            identity.tokenFor(credentials.getString("username"), credentials.getString("password")).ifPresentOrElse(
                    token -> request.response()
                            .putHeader("Content-Type", "application/json")
                            .putHeader("Cache-Control", "no-store")
                            .end(new JsonObject()
                                    .put("access_token", token)
                                    .put("token_type", "Bearer")
                                    .put("expires_in", LocalIdentity.TOKEN_LIFETIME_SECONDS)
                                    .encode()),
                    () -> Gateway.problem(request.response(), 401, "Unauthorized", "Unknown user or wrong password"));
        });
    }
}
