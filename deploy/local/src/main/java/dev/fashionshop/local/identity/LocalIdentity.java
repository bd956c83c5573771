package dev.fashionshop.local.identity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

/**
 * The local run's identity provider: the demo users of the design, and RS256 JWT bearer tokens for
 * them, signed with a key pair kept in the data directory (so that tokens outlive a restart). The
 * services are given the public key; in Kubernetes any OIDC provider takes this place.
 */
public final class LocalIdentity {

    public static final String ISSUER = "https://fashion-shop.local";
    public static final int TOKEN_LIFETIME_SECONDS = 3600;

    /** A demo user: name, password and groups. */
    public record User(String name, String password, List<String> groups) {
    }

    public static final List<User> DEMO_USERS = List.of(
            new User("alice", "alice", List.of("buyer")),
            new User("bob", "bob", List.of("buyer")),
            new User("owner", "owner", List.of("owner")),
            new User("operator", "operator", List.of("operator")));

    private final PrivateKey privateKey;
    private final Path publicKeyFile;

    private LocalIdentity(PrivateKey privateKey, Path publicKeyFile) {
        this.privateKey = privateKey;
        this.publicKeyFile = publicKeyFile;
    }

    /** Loads the key pair from the directory, making it on first use. */
    public static LocalIdentity in(Path directory) throws IOException, GeneralSecurityException {
        Path privateFile = directory.resolve("private-key.pem");
        Path publicFile = directory.resolve("public-key.pem");
        if (!Files.exists(privateFile) || !Files.exists(publicFile)) {
            Files.createDirectories(directory);
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            Files.writeString(privateFile, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            Files.writeString(publicFile, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        }
        PrivateKey privateKey = KeyFactory.getInstance("RSA")
                .generatePrivate(new PKCS8EncodedKeySpec(der(Files.readString(privateFile))));
        return new LocalIdentity(privateKey, publicFile);
    }

    /** The file the services verify tokens with. */
    public Path publicKeyFile() {
        return publicKeyFile;
    }

    /** What a service needs in its environment to trust these tokens. */
    public Map<String, String> serviceEnvironment() {
        return Map.of("MP_JWT_VERIFY_ISSUER", ISSUER,
                "MP_JWT_VERIFY_PUBLICKEY_LOCATION", publicKeyFile.toAbsolutePath().toString());
    }

    /** A token for a demo user whose password matches, or nothing. */
    public Optional<String> tokenFor(String username, String password) {
        return DEMO_USERS.stream()
                .filter(user -> user.name().equals(username) && user.password().equals(password))
                .findFirst()
                .map(this::sign);
    }

    private String sign(User user) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setSubject(user.name());
        claims.setClaim("upn", user.name());
        claims.setStringListClaim("groups", user.groups());
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(TOKEN_LIFETIME_SECONDS / 60f);
        claims.setGeneratedJwtId();
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(privateKey);
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setHeader("typ", "JWT");
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("Could not sign a token", e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static byte[] der(String pem) {
        return Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
    }
}
