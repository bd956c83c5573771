package dev.fashionshop.support.idempotency;

/**
 * What a create under an Idempotency-Key gave: what this request created, or, for a repeat, the first
 * request's answer to give again (and nothing created).
 */
public record Once<T>(T created, RecordedAnswer firstAnswer) {

    public boolean isReplay() {
        return firstAnswer != null;
    }
}
