package dev.fashionshop.support.idempotency;

/**
 * A caller's {@code Idempotency-Key} on one request, with the fingerprint of what was asked: the same
 * key may only ever be replayed with the same request.
 *
 * @param caller who sent it (the token's subject): keys are scoped to their caller
 * @param key the header's value, 1 to 255 printable ASCII characters
 * @param fingerprint SHA-256 (hex) of the operation and the request body as parsed
 */
public record IdempotencyKey(String caller, String key, String fingerprint) {

    public static final String HEADER = "Idempotency-Key";
    public static final int MAX_LENGTH = 255;

    /** Why a header value is not a usable key, or null when it is one. */
    static String invalidBecause(String key) {
        if (key.isEmpty()) {
            return "is empty";
        }
        if (key.length() > MAX_LENGTH) {
            return "is longer than " + MAX_LENGTH + " characters";
        }
        // printable ASCII only: a key is an opaque token, and anything else is a client bug or an attack
        if (!key.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            return "has characters other than printable ASCII";
        }
        return null;
    }
}
