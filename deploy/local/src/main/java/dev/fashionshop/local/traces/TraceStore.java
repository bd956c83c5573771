package dev.fashionshop.local.traces;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The local run's traces, in memory: the latest {@value #MAX_TRACES} traces, and which of them concern
 * which order (the spans that carry {@value #ORDER_ID}). Enough to look at what happened to an order
 * a while ago without running a collector; a restart of the runner forgets them.
 */
public final class TraceStore {

    /** The span attribute order-service puts on the request that placed or paid an order. */
    public static final String ORDER_ID = "shop.order.id";
    static final int MAX_TRACES = 2_000;

    /** Spans by trace, then by span id: an exporter sends a batch again when it did not see the answer to it. */
    private final Map<String, Map<String, RecordedSpan>> spansByTrace = new LinkedHashMap<>(64, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Map<String, RecordedSpan>> eldest) {
            return size() > MAX_TRACES;
        }
    };
    private final Map<String, Set<String>> tracesByOrder = new LinkedHashMap<>(64, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Set<String>> eldest) {
            return size() > MAX_TRACES;
        }
    };

    public synchronized void add(Collection<RecordedSpan> spans) {
        for (RecordedSpan span : spans) {
            spansByTrace.computeIfAbsent(span.traceId(), trace -> new LinkedHashMap<>()).putIfAbsent(span.spanId(), span);
            String orderId = span.attribute(ORDER_ID);
            if (orderId != null) {
                tracesByOrder.computeIfAbsent(orderId, order -> new LinkedHashSet<>()).add(span.traceId());
            }
        }
    }

    /** The traces of the order, oldest first, each with its spans in the order they started; empty if none. */
    public synchronized JsonArray tracesOfOrder(String orderId) {
        JsonArray traces = new JsonArray();
        for (String traceId : tracesByOrder.getOrDefault(orderId, Set.of())) {
            Map<String, RecordedSpan> spans = spansByTrace.get(traceId);
            if (spans != null) {
                traces.add(toJson(traceId, spans.values()));
            }
        }
        return traces;
    }

    private static JsonObject toJson(String traceId, Collection<RecordedSpan> spans) {
        List<RecordedSpan> inOrder = spans.stream().sorted(Comparator.comparingLong(RecordedSpan::startNanos)).toList();
        long start = inOrder.get(0).startNanos();
        long end = inOrder.stream().mapToLong(RecordedSpan::endNanos).max().orElse(start);
        JsonArray spansJson = new JsonArray();
        inOrder.forEach(span -> spansJson.add(span.toJson(start)));
        return new JsonObject()
                .put("traceId", traceId)
                .put("durationMs", (end - start) / 1e6)
                .put("services", new JsonArray(inOrder.stream().map(RecordedSpan::service).distinct().toList()))
                .put("spans", spansJson);
    }
}
