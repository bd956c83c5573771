package dev.fashionshop.support.tracing;

import io.opentelemetry.api.common.AttributeKey;

/** The shop's own span attributes: what an operator looks a trace up by. */
public final class SpanAttributes {

    /** The order a request placed or paid: the way from an order to its trace. */
    public static final AttributeKey<String> ORDER_ID = AttributeKey.stringKey("shop.order.id");

    private SpanAttributes() {
    }
}
