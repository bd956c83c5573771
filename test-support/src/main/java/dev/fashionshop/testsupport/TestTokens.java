package dev.fashionshop.testsupport;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.Set;

import dev.fashionshop.support.security.Pem;
import io.smallrye.jwt.build.Jwt;

/**
 * Signs JWT bearer tokens the way the shop's identity provider would, with a key pair made for this
 * test run; {@link ShopInfrastructure} configures the service to trust its public key.
 */
public final class TestTokens {

    static final String ISSUER = "https://fashion-shop.test";

    private final KeyPair keys;

    private TestTokens(KeyPair keys) {
        this.keys = keys;
    }

    static TestTokens generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return new TestTokens(generator.generateKeyPair());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public String buyer(String user) {
        return token(user, "buyer");
    }

    public String owner() {
        return token("owner", "owner");
    }

    public String operator() {
        return token("operator", "operator");
    }

    /** A token whose subject is the user, in the given groups. */
    public String token(String user, String... groups) {
        return Jwt.issuer(ISSUER)
                .subject(user)
                .upn(user)
                .groups(Set.of(groups))
                .expiresIn(3600)
                .sign(keys.getPrivate());
    }

    /** What the service needs to verify these tokens. */
    Map<String, String> verificationConfig() {
        return Map.of("mp.jwt.verify.publickey", Pem.of(keys.getPublic()), "mp.jwt.verify.issuer", ISSUER);
    }
}
