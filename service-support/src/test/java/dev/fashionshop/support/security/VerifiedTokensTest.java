package dev.fashionshop.support.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.jwt.build.Jwt;

/** The real verifier behind the cache, counting how often it is asked. */
class VerifiedTokensTest {

    private static final String ISSUER = "https://fashion-shop.test";

    private KeyPair shopKeys;
    private final AtomicInteger verifications = new AtomicInteger();
    private Instant now = Instant.now();
    private VerifiedTokens.Verification counting;
    private VerifiedTokens cache;

    @BeforeEach
    void verifierTrustingTheShopKey() throws Exception {
        shopKeys = rsaKeys();
        DefaultJWTParser real = new DefaultJWTParser(new JWTAuthContextInfo(shopKeys.getPublic(), ISSUER));
        counting = token -> {
            verifications.incrementAndGet();
            return real.parse(token);
        };
        cache = new VerifiedTokens(new Clock() {
            @Override
            public Instant instant() {
                return now;
            }

            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }
        });
    }

    @Test
    void aTokenIsVerifiedOnceAndThenAnsweredFromTheCache() throws Exception {
        String token = token(shopKeys, "alice", 3600);

        assertEquals("alice", cache.get(token, counting).getName());
        assertEquals("alice", cache.get(token, counting).getName());

        assertEquals(1, verifications.get());
    }

    @Test
    void aTokenSignedByAnotherKeyIsRejectedWhileTheGenuineOneIsCached() throws Exception {
        cache.get(token(shopKeys, "alice", 3600), counting);

        String forged = token(rsaKeys(), "alice", 3600);

        assertThrows(ParseException.class, () -> cache.get(forged, counting));
        assertThrows(ParseException.class, () -> cache.get(forged, counting));
        assertEquals(3, verifications.get());
    }

    @Test
    void aCachedTokenIsVerifiedAgainOnceItExpired() throws Exception {
        String token = token(shopKeys, "alice", 600);
        cache.get(token, counting);

        now = now.plus(Duration.ofMinutes(11));
        cache.get(token, counting); // the real verifier, on the real clock, still accepts it

        assertEquals(2, verifications.get());
    }

    @Test
    void aCachedTokenIsVerifiedAgainAfterTheLongestTrust() throws Exception {
        String token = token(shopKeys, "alice", 3600);
        cache.get(token, counting);

        now = now.plus(VerifiedTokens.LONGEST_TRUST).plusSeconds(1);
        cache.get(token, counting);
        cache.get(token, counting);

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
