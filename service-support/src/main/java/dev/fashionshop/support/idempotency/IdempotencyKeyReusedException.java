package dev.fashionshop.support.idempotency;

/** The key was used before with another request: a 422, nothing done. */
public class IdempotencyKeyReusedException extends RuntimeException {

    public IdempotencyKeyReusedException(String key) {
        super("The Idempotency-Key '" + key + "' was already used with a different request");
    }
}
