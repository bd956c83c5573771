package dev.fashionshop.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;

import dev.fashionshop.local.audit.ShopAudit;
import dev.fashionshop.local.audit.ShopConnections;

/**
 * The shop under load: a running one ({@code -Dbenchmark.shop-url}, with the runner's default ports for
 * PostgreSQL and Kafka) or one this run starts on free ports. It hands out the demo users' tokens, lays
 * out a catalogue as a real shop has one (many items, several SKUs each, plenty of stock), and ends the
 * run with the audit.
 */
final class Shop {

    static final List<String> BUYERS = List.of("alice", "bob");
    static final int ITEMS = Integer.getInteger("benchmark.items", 40);
    static final int SKUS_PER_ITEM = 5;
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern STATUS_CODE = Pattern.compile("^(\\d{3})");

    /** One variant of the catalogue, as an order line names it. */
    record Sku(String itemId, String sku) {
    }

    final String url;
    final ShopProcesses processes;
    private final ShopLauncher launched;
    private final int postgresPort;
    private final String kafka;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    private Shop(String url, ShopLauncher launched, int postgresPort, String kafka, ShopProcesses processes) {
        this.url = url;
        this.launched = launched;
        this.postgresPort = postgresPort;
        this.kafka = kafka;
        this.processes = processes;
    }

    static Shop fromSystemProperties() throws Exception {
        String running = System.getProperty("benchmark.shop-url", "");
        if (!running.isBlank()) {
            int gatewayPort = URI.create(running).getPort();
            int postgresPort = Integer.getInteger("benchmark.pg-port", 15432);
            return new Shop(running, null, postgresPort, System.getProperty("benchmark.kafka", "localhost:19092"),
                    ShopProcesses.find(gatewayPort, postgresPort));
        }
        Path project = Path.of(System.getProperty("benchmark.project-dir", "../..")).toAbsolutePath().normalize();
        Path data = Path.of(System.getProperty("benchmark.output", "target/benchmark"), "shop-data").toAbsolutePath();
        ShopLauncher launcher = ShopLauncher.start(project, data);
        return new Shop(launcher.gatewayUrl(), launcher, launcher.postgresPort, "localhost:" + launcher.kafkaPort,
                new ShopProcesses(launcher.runner(), launcher.postgresPort));
    }

    String token(String user) {
        return tokens.computeIfAbsent(user, u -> match(TOKEN,
                post("/api/auth/token", null, "{\"username\": \"" + u + "\", \"password\": \"" + u + "\"}")));
    }

    /**
     * Registers the catalogue and waits until order-service's replica knows every item (an order of it with
     * the always-declined test card answers 402 then, 400 before).
     */
    List<Sku> layOutCatalogue() {
        List<Sku> skus = new ArrayList<>();
        String run = UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < ITEMS; i++) {
            StringBuilder variants = new StringBuilder();
            List<String> names = new ArrayList<>();
            for (int v = 0; v < SKUS_PER_ITEM; v++) {
                String sku = "BENCH-" + run + "-" + i + "-" + v;
                names.add(sku);
                variants.append(v == 0 ? "" : ",").append("""
                        {"sku": "%s", "size": "%s", "colour": "%s", "stock": 10000000}""".formatted(sku,
                        List.of("XS", "S", "M", "L", "XL").get(v), i % 2 == 0 ? "black" : "white"));
            }
            String itemId = match(ID, post("/api/items", token("owner"), """
                    {"name": "Benchmark item %d", "description": "Load", "category": "benchmark", "price": %d,
                     "currency": "EUR", "variants": [%s]}""".formatted(i, 1000 + 100 * i, variants)));
            names.forEach(sku -> skus.add(new Sku(itemId, sku)));
        }
        for (int i = 0; i < skus.size(); i += SKUS_PER_ITEM) {
            awaitCatalogued(skus.get(i));
        }
        return skus;
    }

    private void awaitCatalogued(Sku sku) {
        String body = orderBody(sku, 1, "tok_declined");
        Awaitility.await("order-service to learn item " + sku.itemId()).atMost(Duration.ofMinutes(1))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> post("/api/orders", token("bob"), body), answer -> answer.startsWith("402"));
    }

    static String orderBody(Sku sku, int quantity, String paymentToken) {
        return """
                {"lines": [{"itemId": "%s", "sku": "%s", "quantity": %d}], "shippingAddress": "1 Benchmark Road"%s}"""
                .formatted(sku.itemId(), sku.sku(), quantity, paymentToken == null ? "" : ", \"paymentToken\": \"" + paymentToken + "\"");
    }

    /** Waits until every event is consumed and every outbox empty, then checks every invariant. */
    ShopAudit.Report audit() throws Exception {
        return new ShopAudit(ShopConnections.local(postgresPort, kafka)).run(Duration.ofMinutes(10));
    }

    /** Counts what the services' databases do. */
    DatabaseCounters databaseCounters() {
        return new DatabaseCounters(postgresPort);
    }

    void stop() throws InterruptedException {
        if (launched != null) {
            launched.close();
        }
    }

    /** POSTs and answers "status body". */
    private String post(String path, String token, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() + " " + response.body();
        } catch (Exception e) {
            throw new IllegalStateException("POST " + path + " failed", e);
        }
    }

    private static String match(Pattern pattern, String answer) {
        Matcher status = STATUS_CODE.matcher(answer);
        Matcher matcher = pattern.matcher(answer);
        if (!status.find() || status.group(1).charAt(0) != '2' || !matcher.find()) {
            throw new IllegalStateException("Unexpected answer: " + answer);
        }
        return matcher.group(1);
    }
}
