package dev.fashionshop.support.idempotency;

/**
 * What the first request with a key left: the resource it created and, once it was answered, its answer
 * (null while it is still in progress, or when its service stopped before answering).
 */
public record FirstRequest(String resourceId, RecordedAnswer answer) {
}
