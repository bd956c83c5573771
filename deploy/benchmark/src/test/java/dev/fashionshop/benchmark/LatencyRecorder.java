package dev.fashionshop.benchmark;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Latencies and errors per named series (an arrival rate's orders, the view's freshness, ...), recorded
 * by the virtual users as they go, so that the run can judge each step of the load on its own.
 */
final class LatencyRecorder {

    private static final long HIGHEST_MILLIS = 600_000;

    /** One series: its latencies (ms) and how many of its requests failed. */
    record Series(Histogram latencies, AtomicLong errors) {

        long count() {
            return latencies.getTotalCount() + errors.get();
        }

        long percentile(double p) {
            return latencies.getTotalCount() == 0 ? 0 : latencies.getValueAtPercentile(p);
        }
    }

    private final Map<String, Series> series = new ConcurrentHashMap<>();

    Series series(String name) {
        return series.computeIfAbsent(name, n -> new Series(new ConcurrentHistogram(HIGHEST_MILLIS, 3), new AtomicLong()));
    }

    void ok(String name, long millis) {
        series(name).latencies().recordValue(Math.min(Math.max(millis, 0), HIGHEST_MILLIS));
    }

    void error(String name) {
        series(name).errors().incrementAndGet();
    }

    boolean has(String name) {
        return series.containsKey(name);
    }
}
