package dev.fashionshop.local.demo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import dev.fashionshop.local.gateway.GatewayClient;
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

    private final GatewayClient gateway;

    public DemoCatalogue(String gateway) {
        this.gateway = new GatewayClient(gateway);
    }

    /** Registers the demo items unless this data directory has had them; answers how many were registered. */
    public int registerOnce(Path dataDirectory) throws IOException, InterruptedException {
        Path marker = dataDirectory.resolve(MARKER);
        if (Files.exists(marker)) {
            return 0;
        }
        String owner = gateway.token("owner");
        JsonArray items = items();
        for (int i = 0; i < items.size(); i++) {
            JsonObject item = items.getJsonObject(i);
            // a run stopped halfway registers again what it had: the same key makes that a replay, not a second item
            String key = "demo-catalogue-" + item.getJsonArray("variants").getJsonObject(0).getString("sku");
            gateway.send(owner, "POST", "/api/items", item.encode(), Map.of("Idempotency-Key", key), 201);
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
}
