package dev.fashionshop.store.domain;

import java.util.Collection;

/** A SKU names one variant in the whole shop; registering it twice is refused. */
public class SkuTakenException extends RuntimeException {

    public SkuTakenException(Collection<String> skus) {
        super("SKU already used by another item: " + String.join(", ", skus));
    }
}
