package dev.fashionshop.support.tracing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;

/**
 * A trace context as a W3C {@code traceparent} string: how a trace crosses the outbox table, from the
 * transaction that writes an event to the relay that sends it (which puts it in the Kafka headers).
 */
public final class TraceParent {

    /** The W3C header, and the Kafka record header the connector's send writes. */
    public static final String HEADER = "traceparent";
    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();
    private static final TextMapGetter<String> FROM_STRING = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(String traceParent) {
            return List.of(HEADER);
        }

        @Override
        public String get(String traceParent, String key) {
            return HEADER.equals(key) ? traceParent : null;
        }
    };

    private TraceParent() {
    }

    /** The current span's traceparent; empty when no span is recording (tracing off, or none started). */
    public static Optional<String> ofCurrentSpan() {
        if (!Span.current().getSpanContext().isValid()) {
            return Optional.empty();
        }
        Map<String, String> headers = new HashMap<>(2);
        W3C.inject(Context.current(), headers, Map::put);
        return Optional.ofNullable(headers.get(HEADER));
    }

    /** The context a traceparent stands for, to start spans in; the root context for none or an unreadable one. */
    public static Context toContext(String traceParent) {
        return traceParent == null ? Context.root() : W3C.extract(Context.root(), traceParent, FROM_STRING);
    }
}
