package dev.fashionshop.support.security;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.SecretKey;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * Verifies a bearer token's RSA signature once, not on every request: a buyer sends the same token with
 * each request, and each order is authenticated twice (by order-service, then by payment-service, to
 * which the token is forwarded). The signature check was the costliest step of placing an order.
 * <p>
 * The cache is keyed by the whole token, signature included, so a token differing in one character is
 * verified afresh. A cached token is trusted until it expires or for {@link #LONGEST_TRUST} at most,
 * whichever comes first; at most {@link #MOST_TOKENS} are held, and past that tokens are verified each time.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedTokenCache implements JWTParser {

    static final Duration LONGEST_TRUST = Duration.ofMinutes(5);
    static final int MOST_TOKENS = 10_000;

    private record Verified(JsonWebToken token, Instant trustedUntil) {
    }

    private final JWTParser verifier;
    private final Clock clock;
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    @Inject
    public VerifiedTokenCache(DefaultJWTParser verifier) {
        this(verifier, Clock.systemUTC());
    }

    VerifiedTokenCache(JWTParser verifier, Clock clock) {
        this.verifier = verifier;
        this.clock = clock;
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        Instant now = clock.instant();
        Verified known = verified.get(token);
        if (known != null && now.isBefore(known.trustedUntil())) {
            return known.token();
        }
        JsonWebToken parsed = verifier.parse(token);
        remember(token, parsed, now);
        return parsed;
    }

    private void remember(String token, JsonWebToken parsed, Instant now) {
        Instant trustedUntil = now.plus(LONGEST_TRUST);
        if (parsed.getExpirationTime() > 0) {
            Instant expires = Instant.ofEpochSecond(parsed.getExpirationTime());
            trustedUntil = expires.isBefore(trustedUntil) ? expires : trustedUntil;
        }
        if (verified.size() >= MOST_TOKENS) {
            verified.values().removeIf(entry -> !now.isBefore(entry.trustedUntil()));
        }
        if (verified.size() < MOST_TOKENS && now.isBefore(trustedUntil)) {
            verified.put(token, new Verified(parsed, trustedUntil));
        }
    }

    // The other ways of parsing take their own keys or settings: they are not cached.

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return verifier.parse(token, context);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return verifier.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return verifier.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return verifier.parseOnly(token);
    }
}
