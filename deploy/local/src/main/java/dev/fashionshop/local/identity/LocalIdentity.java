package dev.fashionshop.local.identity;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.fashionshop.support.security.Pem;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;

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
            KeyPair pair = KeyUtils.generateKeyPair(2048);
            Files.writeString(privateFile, Pem.of(pair.getPrivate()));
            Files.writeString(publicFile, Pem.of(pair.getPublic()));
        }
        PrivateKey privateKey = KeyUtils.decodePrivateKey(Files.readString(privateFile));
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

    /** RS256, with the claims the services read: issuer, subject and upn, groups; iat, exp and jti come with it. */
    private String sign(User user) {
        return Jwt.issuer(ISSUER)
                .subject(user.name())
                .upn(user.name())
                .groups(Set.copyOf(user.groups()))
                .expiresIn(TOKEN_LIFETIME_SECONDS)
                .sign(privateKey);
    }
}
