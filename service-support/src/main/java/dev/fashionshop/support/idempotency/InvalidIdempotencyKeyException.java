package dev.fashionshop.support.idempotency;

/** The Idempotency-Key header is not a usable key: a 400, nothing done. */
public class InvalidIdempotencyKeyException extends RuntimeException {

    public InvalidIdempotencyKeyException(String because) {
        super("The Idempotency-Key header " + because);
    }
}
