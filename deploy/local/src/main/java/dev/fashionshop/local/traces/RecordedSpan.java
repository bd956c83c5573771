package dev.fashionshop.local.traces;

import java.util.Map;

import io.vertx.core.json.JsonObject;

/**
 * One span as the local run keeps it, whichever side recorded it: a service (received over OTLP) or the
 * gateway (its own SDK). Ids are the lower-case hex of W3C Trace Context; times are epoch nanoseconds.
 */
public record RecordedSpan(String traceId, String spanId, String parentSpanId, String service, String name,
        String kind, long startNanos, long endNanos, Map<String, String> attributes, boolean failed) {

    public RecordedSpan {
        attributes = Map.copyOf(attributes);
    }

    public String attribute(String key) {
        return attributes.get(key);
    }

    /** As the trace page shows it: offsets and durations in milliseconds from the trace's first span. */
    JsonObject toJson(long traceStartNanos) {
        JsonObject attributesJson = new JsonObject();
        attributes.forEach(attributesJson::put);
        return new JsonObject()
                .put("spanId", spanId)
                .put("parentSpanId", parentSpanId)
                .put("service", service)
                .put("name", name)
                .put("kind", kind)
                .put("startMs", (startNanos - traceStartNanos) / 1e6)
                .put("durationMs", (endNanos - startNanos) / 1e6)
                .put("failed", failed)
                .put("attributes", attributesJson);
    }
}
