package dev.fashionshop.support.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.jwt.build.Jwt;

/** The real verifier behind the cache, counting how often it is asked. */
class VerifiedTokenCacheTest {

    private static final String ISSUER = "https://fashion-shop.test";

    private KeyPair shopKeys;
    private final AtomicInteger verifications = new AtomicInteger();
    private Instant now = Instant.now();
    private VerifiedTokenCache cache;

    @BeforeEach
    void verifierTrustingTheShopKey() throws Exception {
        shopKeys = rsaKeys();
        DefaultJWTParser real = new DefaultJWTParser(new JWTAuthContextInfo(shopKeys.getPublic(), ISSUER));
        JWTParser counting = new DefaultJWTParser() {
            @Override
            public JsonWebToken parse(String token) throws ParseException {
                verifications.incrementAndGet();
                return real.parse(token);
            }
        };
        cache = new VerifiedTokenCache(counting, new Clock() {
            @Override
            public Instant instant() {
                return now;
            }

            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }
        });
    }

    @Test
    void aTokenIsVerifiedOnceAndThenAnsweredFromTheCache() throws Exception {
        String token = token(shopKeys, "alice", 3600);

        assertEquals("alice", cache.parse(token).getName());
        assertEquals("alice", cache.parse(token).getName());

        assertEquals(1, verifications.get());
    }

    @Test
    void aTokenSignedByAnotherKeyIsRejectedWhileTheGenuineOneIsCached() throws Exception {
        cache.parse(token(shopKeys, "alice", 3600));

        String forged = token(rsaKeys(), "alice", 3600);

        assertThrows(ParseException.class, () -> cache.parse(forged));
        assertThrows(ParseException.class, () -> cache.parse(forged));
        assertEquals(3, verifications.get());
    }

    @Test
    void aCachedTokenIsVerifiedAgainOnceItExpired() throws Exception {
        String token = token(shopKeys, "alice", 600);
        cache.parse(token);

        now = now.plus(Duration.ofMinutes(11));
        cache.parse(token); // the real verifier, on the real clock, still accepts it

        assertEquals(2, verifications.get());
    }

    @Test
    void aCachedTokenIsVerifiedAgainAfterTheLongestTrust() throws Exception {
        String token = token(shopKeys, "alice", 3600);
        cache.parse(token);

        now = now.plus(VerifiedTokenCache.LONGEST_TRUST).plusSeconds(1);
        cache.parse(token);
        cache.parse(token);

        assertEquals(2, verifications.get());
    }

    private static String token(KeyPair keys, String user, long secondsValid) {
        return Jwt.issuer(ISSUER).subject(user).upn(user).groups("buyer").expiresIn(secondsValid).sign(keys.getPrivate());
    }

    private static KeyPair rsaKeys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }
}
