package dev.fashionshop.local.demo;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The small catalogue a fresh local run starts with, so that a newcomer's first look is a shop and not an
 * empty page: the items of demo/catalogue.json (their pictures ship with order-view-service's web UI),
 * registered once per data directory through the gateway as the demo owner, like any owner would.
 */
public final class DemoCatalogue {

    /** Written into the data directory once the items are registered: they are never registered twice. */
    static final String MARKER = "demo-catalogue-registered";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String gateway;

    public DemoCatalogue(String gateway) {
        this.gateway = gateway;
    }

    /** Registers the demo items unless this data directory has had them; answers how many were registered. */
    public int registerOnce(Path dataDirectory) throws IOException, InterruptedException {
        Path marker = dataDirectory.resolve(MARKER);
        if (Files.exists(marker)) {
            return 0;
        }
        String owner = ownerToken();
        JsonArray items = items();
        for (int i = 0; i < items.size(); i++) {
            JsonObject item = items.getJsonObject(i);
            // a run stopped halfway registers again what it had: the same key makes that a replay, not a second item
            String key = "demo-catalogue-" + item.getJsonArray("variants").getJsonObject(0).getString("sku");
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(gateway + "/api/items"))
                    .header("Authorization", "Bearer " + owner)
                    .header("Content-Type", "application/json")
                    .header("Idempotency-Key", key)
                    .timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofString(item.encode()))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 201) {
                throw new IOException("Registering the demo item " + item.getString("name") + " was answered "
                        + answer.statusCode() + ": " + answer.body());
            }
        }
        Files.writeString(marker, "The demo catalogue was registered; delete this file to register it again.\n");
        return items.size();
    }

    static JsonArray items() throws IOException {
        try (InputStream in = DemoCatalogue.class.getResourceAsStream("/demo/catalogue.json")) {
            if (in == null) {
                throw new IOException("demo/catalogue.json is missing from the runner");
            }
            return new JsonArray(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private String ownerToken() throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(gateway + "/api/auth/token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("username", "owner").put("password", "owner").encode()))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IOException("The token endpoint answered " + answer.statusCode() + " for the demo owner");
        }
        return new JsonObject(answer.body()).getString("access_token");
    }
}
