package dev.fashionshop.support.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.smallrye.jwt.auth.principal.ParseException;

/**
 * The tokens verified so far, keyed by the whole token (signature included, so that a token differing in
 * one character is verified afresh). A token is trusted until it expires or for {@link #LONGEST_TRUST} at
 * most, whichever comes first; at most {@link #MOST_TOKENS} are held, and past that tokens are verified
 * each time.
 */
final class VerifiedTokens {

    static final Duration LONGEST_TRUST = Duration.ofMinutes(5);
    static final int MOST_TOKENS = 10_000;

    /** The signature check and the validation of the claims. */
    interface Verification {
        JsonWebToken verify(String token) throws ParseException;
    }

    private record Verified(JsonWebToken token, Instant trustedUntil) {
    }

    private final Clock clock;
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    VerifiedTokens(Clock clock) {
        this.clock = clock;
    }

    /** The token as verified before, or as the verification finds it now. */
    JsonWebToken get(String token, Verification verification) throws ParseException {
        Instant now = clock.instant();
        Verified known = verified.get(token);
        if (known != null && now.isBefore(known.trustedUntil())) {
            return known.token();
        }
        JsonWebToken parsed = verification.verify(token);
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
}
