package dev.fashionshop.local.identity;

import dev.fashionshop.local.gateway.Gateway;
import dev.fashionshop.local.gateway.LocalEndpoint;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** POST /api/auth/token {username, password} → {access_token, token_type, expires_in}, for the demo users. */
public final class TokenEndpoint implements LocalEndpoint {

    public static final String PATH = "/api/auth/token";

    private final LocalIdentity identity;

    public TokenEndpoint(LocalIdentity identity) {
        this.identity = identity;
    }

    @Override
    public void addRoutes(Router router) {
        router.post(PATH).handler(this::issueToken);
    }

    private void issueToken(RoutingContext context) {
        HttpServerResponse response = context.response();
        context.request().body().onSuccess(body -> {
            String username;
            String password;
            try {
                JsonObject credentials = body.toJsonObject();
                username = credentials.getString("username");
                password = credentials.getString("password");
            } catch (DecodeException | ClassCastException notStrings) {
                Gateway.problem(response, 400, "Bad Request", "Expected {\"username\", \"password\"} as JSON strings");
                return;
            }
            identity.tokenFor(username, password).ifPresentOrElse(
                    token -> response
                            .putHeader("Content-Type", "application/json")
                            .putHeader("Cache-Control", "no-store")
                            .end(new JsonObject()
                                    .put("access_token", token)
                                    .put("token_type", "Bearer")
                                    .put("expires_in", LocalIdentity.TOKEN_LIFETIME_SECONDS)
                                    .encode()),
                    () -> Gateway.problem(response, 401, "Unauthorized", "Unknown user or wrong password"));
        });
    }
}
