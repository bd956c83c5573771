package dev.fashionshop.support.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The Idempotency-Key contract of the POSTs that create something (DESIGN.md): the key is claimed in
 * the transaction that creates the resource, by the table's primary key (caller, key), so that of two
 * requests with one key exactly one creates; the first answer is recorded and given again to a repeat
 * with the same request; a repeat with another request is refused.
 * <p>
 * Claiming and recording run in the caller's transaction (Hibernate Reactive's current session).
 */
@ApplicationScoped
@IfBuildProperty(name = "shop.idempotency.enabled", stringValue = "true")
public class IdempotencyKeys {

    /** The answer headers worth replaying; the others (date, length) belong to each answer. */
    private static final List<String> REPLAYED_HEADERS = List.of(HttpHeaders.LOCATION, "Retry-After");
    private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {
    };

    private final ObjectMapper json;

    public IdempotencyKeys(ObjectMapper json) {
        this.json = json;
    }

    /**
     * The key of a request, or null when it carries none.
     *
     * @param headers the request's headers, holding at most one Idempotency-Key
     * @param operation what is asked, e.g. {@code POST /api/orders}: one key is one operation
     * @param request the request body as parsed (so that equal JSON with other spacing is the same request)
     * @throws InvalidIdempotencyKeyException when the header is empty, too long, not printable ASCII, or repeated
     */
    public IdempotencyKey keyFor(HttpHeaders headers, String caller, String operation, Object request) {
        List<String> values = headers.getRequestHeader(IdempotencyKey.HEADER);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw new InvalidIdempotencyKeyException("is given more than once");
        }
        String invalid = IdempotencyKey.invalidBecause(values.get(0));
        if (invalid != null) {
            throw new InvalidIdempotencyKeyException(invalid);
        }
        return new IdempotencyKey(caller, values.get(0), sha256(operation + "\n" + toJson(request)));
    }

    /** The answer as it will be stored and replayed. */
    public RecordedAnswer record(Response answer) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : REPLAYED_HEADERS) {
            String value = answer.getHeaderString(name);
            if (value != null) {
                headers.put(name, value);
            }
        }
        Object entity = answer.getEntity();
        // an entity without a type yet is written as JSON (content negotiation happens after this)
        String type = answer.getMediaType() != null ? answer.getMediaType().toString()
                : entity != null ? MediaType.APPLICATION_JSON : null;
        return new RecordedAnswer(answer.getStatus(), type, headers, entity == null ? null : toJson(entity));
    }

    /**
     * Claims the key for the resource about to be created, in the current transaction.
     *
     * @return null when this request is the first with the key (create the resource); otherwise what the
     *         first one left (do not create anything)
     * @throws IdempotencyKeyReusedException when the key was used with another request
     */
    public Uni<FirstRequest> claim(IdempotencyKey key, String resourceId) {
        // a concurrent first request holding the key makes this insert wait for its transaction's end
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                insert into idempotency_key (caller, idem_key, fingerprint, resource_id, created_at)
                values (:caller, :key, :fingerprint, :resource, :now)
                on conflict (caller, idem_key) do nothing""")
                .setParameter("caller", key.caller())
                .setParameter("key", key.key())
                .setParameter("fingerprint", key.fingerprint())
                .setParameter("resource", resourceId)
                .setParameter("now", Instant.now())
                .executeUpdate())
                .chain(inserted -> inserted == 1 ? Uni.createFrom().nullItem() : find(key));
    }

    /**
     * Creates once under the key, in the current transaction, and records the answer with what it
     * created; a repeat creates nothing and gets the first answer. Without a key (null), simply creates.
     */
    public <T> Uni<Once<T>> once(IdempotencyKey key, String resourceId, Supplier<Uni<T>> create,
            Function<T, RecordedAnswer> answerOf) {
        if (key == null) {
            return create.get().map(created -> new Once<>(created, null));
        }
        return claim(key, resourceId).chain(first -> first != null
                ? Uni.createFrom().item(new Once<T>(null, first.answer()))
                : create.get().call(created -> answered(key, answerOf.apply(created))).map(created -> new Once<>(created, null)));
    }

    /** Records the first answer, in the transaction that settled it. */
    public Uni<Void> answered(IdempotencyKey key, RecordedAnswer answer) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                update idempotency_key
                set answer_status = :status, answer_type = :type, answer_headers = :headers, answer_body = :body
                where caller = :caller and idem_key = :key""")
                .setParameter("status", answer.status())
                .setParameter("type", answer.contentType())
                .setParameter("headers", toJson(answer.headers()))
                .setParameter("body", answer.body())
                .setParameter("caller", key.caller())
                .setParameter("key", key.key())
                .executeUpdate())
                .replaceWithVoid();
    }

    /** Forgets the keys claimed before the given time; answers how many. */
    public Uni<Integer> purgeClaimedBefore(Instant before) {
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session
                .createNativeQuery("delete from idempotency_key where created_at < :before")
                .setParameter("before", before)
                .executeUpdate()));
    }

    /**
     * What the first request with the key left, or null when no request claimed it (or its claim was
     * purged). Needs a session.
     *
     * @throws IdempotencyKeyReusedException when the key was used with another request
     */
    public Uni<FirstRequest> find(IdempotencyKey key) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                select fingerprint, resource_id, answer_status, answer_type, answer_headers, answer_body
                from idempotency_key where caller = :caller and idem_key = :key""", Object[].class)
                .setParameter("caller", key.caller())
                .setParameter("key", key.key())
                .getResultList())
                .map(rows -> rows.isEmpty() ? null : firstRequest(key, rows.get(0)));
    }

    private FirstRequest firstRequest(IdempotencyKey key, Object[] row) {
        if (!key.fingerprint().equals(row[0])) {
            throw new IdempotencyKeyReusedException(key.key());
        }
        RecordedAnswer answer = row[2] == null ? null
                : new RecordedAnswer(((Number) row[2]).intValue(), (String) row[3], fromJson((String) row[4]),
                        (String) row[5]);
        return new FirstRequest((String) row[1], answer);
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot write " + value + " as JSON", e);
        }
    }

    private Map<String, String> fromJson(String headers) {
        try {
            return headers == null ? Map.of() : json.readValue(headers, HEADERS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable recorded headers " + headers, e);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
