package dev.fashionshop.local.traces;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

class TraceStoreTest {

    private static RecordedSpan span(String traceId, String spanId, String parent, long start, Map<String, String> attributes) {
        return new RecordedSpan(traceId, spanId, parent, "order-service", "span " + spanId, "server", start, start + 1_000_000,
                attributes, false);
    }

    @Test
    void anOrdersTracesAreFoundByTheAttributeOfAnyOfTheirSpansAndASpanSentTwiceIsKeptOnce() {
        TraceStore store = new TraceStore();
        RecordedSpan root = span("t1", "a", null, 2_000_000, Map.of());
        RecordedSpan placing = span("t1", "b", "a", 3_000_000, Map.of(TraceStore.ORDER_ID, "order-1"));
        store.add(List.of(placing, root));
        store.add(List.of(placing)); // the exporter's retry of a batch whose answer it missed
        store.add(List.of(span("t2", "c", null, 1_000_000, Map.of(TraceStore.ORDER_ID, "order-2"))));

        JsonArray traces = store.tracesOfOrder("order-1");

        assertThat(traces).hasSize(1);
        JsonObject trace = traces.getJsonObject(0);
        assertThat(trace.getString("traceId")).isEqualTo("t1");
        assertThat(trace.getJsonArray("spans").stream().map(JsonObject.class::cast).map(s -> s.getString("spanId")))
                .as("once each, in the order they started").containsExactly("a", "b");
        assertThat(trace.getJsonArray("spans").getJsonObject(1).getDouble("startMs")).isEqualTo(1.0);
        assertThat(store.tracesOfOrder("order-3")).isEmpty();
    }

    @Test
    void onlyTheLatestTracesAreKept() {
        TraceStore store = new TraceStore();
        for (int i = 0; i <= TraceStore.MAX_TRACES; i++) {
            store.add(List.of(span("t" + i, "s" + i, null, i, Map.of(TraceStore.ORDER_ID, "order-" + i))));
        }
        assertThat(store.tracesOfOrder("order-0")).isEmpty();
        assertThat(store.tracesOfOrder("order-" + TraceStore.MAX_TRACES)).hasSize(1);
    }
}
