package dev.fashionshop.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import net.jqwik.api.sessions.JqwikSession;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.fashionshop.local.identity.LocalIdentity;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;
import io.vertx.core.json.JsonObject;

/**
 * Ten thousand hostile requests (HostileRequests: every operation of the OpenAPI documents, every kind of caller and
 * token, hostile ids, bodies and headers) through the gateway, four at a time. Every answer is a 4xx problem, or a
 * 2xx where the request happened to be valid; none is a 5xx, none shows the internals. Afterwards the victim's order
 * and item are as they were, the victim has no order more, and the audit (after the test) finds every invariant.
 */
@AuditedJourneys
class HostileInputTest {

    static final String SEED = "20261204";
    static final int REQUESTS = Integer.getInteger("hostile.requests", 10_000);
    private static final int CLIENTS = 4;
    /** What an answer must never show: a stack trace, a class of the internals, SQL. */
    private static final List<String> INTERNALS = List.of("Exception", "\tat ", "org.hibernate", "io.vertx.", "io.quarkus.",
            "SQLState", "PSQLException", "jakarta.");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private ShopApi shop;
    private HostileRequests.Ids ids;
    private final Map<String, String> authorizations = new LinkedHashMap<>();

    @BeforeAll
    void victimsAndAttackers(ShopApi shop) throws Exception {
        this.shop = shop;
        String victimSku = "VICTIM-" + UUID.randomUUID();
        String victimItem = shop.registerItem(victimSku, 10, 2500);
        String sku = "HOSTILE-" + UUID.randomUUID();
        String orderable = shop.registerItem(sku, 1_000_000, 700);
        shop.awaitCatalogued(victimItem, victimSku);
        shop.awaitCatalogued(orderable, sku);
        String victimOrder = shop.paidOrder("alice", victimItem, victimSku, 1);
        shop.awaitStoreOrder(victimOrder, "RECEIVED");
        shop.awaitView("alice", victimOrder, "PAID");
        ids = new HostileRequests.Ids(victimOrder, victimItem, orderable, sku);

        PrivateKey issuerKey = KeyUtils.decodePrivateKey(Files.readString(RunningShop.runner().dataDirectory()
                .resolve("jwt/private-key.pem")));
        KeyPair otherKey = KeyUtils.generateKeyPair(2048);
        String bob = shop.token("bob");
        authorizations.put("anonymous", null);
        authorizations.put("bob", "Bearer " + bob);
        authorizations.put("owner", "Bearer " + shop.token("owner"));
        authorizations.put("operator", "Bearer " + shop.token("operator"));
        authorizations.put("forged owner", "Bearer " + Jwt.issuer(LocalIdentity.ISSUER).subject("bob").upn("bob")
                .groups(Set.of("owner")).sign(otherKey.getPrivate()));
        authorizations.put("expired buyer", "Bearer " + Jwt.issuer(LocalIdentity.ISSUER).subject("bob").upn("bob")
                .groups(Set.of("buyer")).issuedAt(Instant.now().minusSeconds(7_200)).expiresAt(Instant.now().minusSeconds(3_600))
                .sign(issuerKey));
        authorizations.put("other issuer", "Bearer " + Jwt.issuer("https://attacker.example").subject("bob").upn("bob")
                .groups(Set.of("buyer", "owner")).sign(issuerKey));
        authorizations.put("unsigned (alg none)", "Bearer " + unsigned(bob, "owner"));
        authorizations.put("tampered (bob made owner)", "Bearer " + tampered(bob, "owner"));
        authorizations.put("not a token", "Bearer " + "x".repeat(40));
        authorizations.put("basic", "Basic " + Base64.getEncoder().encodeToString("owner:owner".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void tenThousandHostileRequestsAreEachA4xxProblemOrA2xxAndChangeNothingTheyShouldNot() throws Exception {
        Victims before = victims();
        List<HostileRequests.Request> requests;
        JqwikSession.start(SEED);
        try {
            requests = new HostileRequests(ApiSurface.of(shop.gateway), List.copyOf(authorizations.keySet()), ids)
                    .requests().sampleStream().limit(REQUESTS).toList();
        } finally {
            JqwikSession.finish();
        }

        Map<Integer, LongAdder> byStatus = new ConcurrentHashMap<>();
        Map<String, LongAdder> byKind = new ConcurrentHashMap<>();
        List<String> wrong = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            running.add(clients.submit(() -> {
                for (int i = next.getAndIncrement(); i < requests.size(); i = next.getAndIncrement()) {
                    HostileRequests.Request request = requests.get(i);
                    byKind.computeIfAbsent(request.kind(), kind -> new LongAdder()).increment();
                    String problem = send(request, byStatus);
                    if (problem != null) {
                        wrong.add(problem + " <- " + request);
                    }
                }
                return null;
            }));
        }
        for (Future<?> client : running) {
            client.get();
        }
        clients.shutdown();
        long seconds = Math.max(1, Duration.ofNanos(System.nanoTime() - start).toSeconds());

        System.out.printf("HOSTILE seed=%s requests=%d in %d s (%d/s) answers by status %s, bodies by kind %s, wrong %d%n",
                SEED, requests.size(), seconds, requests.size() / seconds, new TreeMap<>(byStatus), new TreeMap<>(byKind), wrong.size());
        wrong.stream().limit(20).forEach(w -> System.out.println("HOSTILE wrong: " + w));
        assertThat(requests).hasSizeGreaterThanOrEqualTo(REQUESTS);
        assertThat(wrong).isEmpty();
        assertThat(victims()).as("the victim's order and item, and her orders").isEqualTo(before);
    }

    /** Sends one request; answers what is wrong with its answer, or null. */
    private String send(HostileRequests.Request request, Map<Integer, LongAdder> byStatus) throws InterruptedException {
        HttpRequest.Builder builder;
        try {
            builder = HttpRequest.newBuilder(URI.create(shop.gateway + request.uri())).timeout(Duration.ofSeconds(Integer.getInteger("hostile.timeout-seconds", 60)))
                    .method(request.method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(request.body()));
            request.headers().forEach(builder::header);
            String authorization = authorizations.get(request.caller());
            if (authorization != null) {
                builder.header("Authorization", authorization);
            }
        } catch (IllegalArgumentException notSendable) {
            return "not sendable by this client (" + notSendable.getMessage() + ")";
        }
        HttpResponse<String> response;
        try {
            response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException broken) {
            return "no answer: " + broken;
        }
        byStatus.computeIfAbsent(response.statusCode(), status -> new LongAdder()).increment();
        return wrongWith(response);
    }

    private static String wrongWith(HttpResponse<String> response) {
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return null;
        }
        if (status < 400 || status >= 500) {
            return "answered " + status + ": " + abbreviated(response.body());
        }
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (!type.startsWith("application/problem+json")) {
            return status + " is not a problem (" + type + "): " + abbreviated(response.body());
        }
        try {
            if (new JsonObject(response.body()).getInteger("status") != status) {
                return status + " is a problem of another status: " + abbreviated(response.body());
            }
        } catch (RuntimeException notJson) {
            return status + " is not JSON: " + abbreviated(response.body());
        }
        return INTERNALS.stream().filter(response.body()::contains).findFirst()
                .map(leak -> status + " shows the internals (" + leak + "): " + abbreviated(response.body())).orElse(null);
    }

    private static String abbreviated(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }

    /** What the attackers must not have changed: the victim's order as she and the store see it, the item, her orders. */
    private record Victims(String order, String storeOrder, String item, String catalogued, String orders) {
    }

    private Victims victims() {
        return new Victims(
                shop.as("alice").get(shop.gateway + "/api/orders/{id}", ids.victimOrder()).asString(),
                shop.as("owner").get(shop.gateway + "/api/store/orders/{id}", ids.victimOrder()).asString(),
                shop.as("owner").get(shop.gateway + "/api/items/{id}", ids.victimItem()).asString(),
                shop.as("owner").get(shop.gateway + "/api/catalog/{id}", ids.victimItem()).asString(),
                shop.as("alice").get(shop.gateway + "/api/orders?size=500").asString());
    }

    /** The token with its payload's groups changed and no signature, as {@code alg: none} allows. */
    private static String unsigned(String token, String group) {
        String[] parts = token.split("\\.");
        String header = base64(new JsonObject().put("alg", "none").put("typ", "JWT").encode());
        return header + "." + base64(escalated(parts[1], group)) + ".";
    }

    /** The token with its payload's groups changed and its signature kept. */
    private static String tampered(String token, String group) {
        String[] parts = token.split("\\.");
        return parts[0] + "." + base64(escalated(parts[1], group)) + "." + parts[2];
    }

    private static String escalated(String payload, String group) {
        JsonObject claims = new JsonObject(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
        return claims.put("groups", List.of(group)).encode();
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
