package dev.fashionshop.support.security;

import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.util.Base64;

/**
 * A key as PEM text, the form the services read the token issuer's public key in (mp.jwt.verify.publickey).
 * Plain JDK on purpose: the local runner writes its keys with it without the rest of this library.
 */
public final class Pem {

    private Pem() {
    }

    /** {@code -----BEGIN PUBLIC KEY-----} (X.509) or {@code PRIVATE KEY} (PKCS#8), by the key's encoding. */
    public static String of(Key key) {
        String type = "X.509".equals(key.getFormat()) ? "PUBLIC KEY" : "PRIVATE KEY";
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key.getEncoded())
                + "\n-----END " + type + "-----\n";
    }
}
