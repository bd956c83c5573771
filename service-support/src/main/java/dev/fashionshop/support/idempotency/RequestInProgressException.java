package dev.fashionshop.support.idempotency;

/** The first request with this key is still being processed: a 409, to be asked again in a moment. */
public class RequestInProgressException extends RuntimeException {

    /** Seconds a client is asked to wait before asking again: about one payment call. */
    public static final int RETRY_AFTER_SECONDS = 2;

    private final String resourceId;

    public RequestInProgressException(String key, String resourceId) {
        super("The first request with Idempotency-Key '" + key + "' is still in progress; ask again in a moment");
        this.resourceId = resourceId;
    }

    public String resourceId() {
        return resourceId;
    }
}
