package dev.fashionshop.local.gateway;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The runner's own client of the shop, through the gateway as the demo users: the training walk and the demo
 * catalogue use the shop the way its users do.
 */
public final class GatewayClient {

    /** Where {@link #send} puts the HTTP status in the answer it returns. */
    public static final String STATUS = "_httpStatus";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String gateway;

    public GatewayClient(String gateway) {
        this.gateway = gateway;
    }

    /** A token of a demo user (whose password is their name) from the local token endpoint. */
    public String token(String user) throws IOException, InterruptedException {
        return send(null, "POST", "/api/auth/token", new JsonObject().put("username", user).put("password", user).encode(),
                Map.of(), 200).getString("access_token");
    }

    /**
     * Sends a request; answers its JSON body with its HTTP status under {@value #STATUS} (an array under
     * {@code items}). With an expected status, any other is an error.
     */
    public JsonObject send(String token, String method, String path, String body, Map<String, String> headers,
            Integer expected) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (expected != null && response.statusCode() != expected) {
            throw new IOException(method + " " + path + " answered " + response.statusCode() + ", not " + expected
                    + ": " + response.body());
        }
        String text = response.body().strip();
        JsonObject answer = text.startsWith("{") ? new JsonObject(text)
                : new JsonObject().put("items", text.startsWith("[") ? new JsonArray(text) : new JsonArray());
        return answer.put(STATUS, response.statusCode());
    }
}
