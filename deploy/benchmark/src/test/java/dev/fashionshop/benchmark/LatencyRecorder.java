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

    /**
     * One series: its latencies (ms), how many of its requests failed, and when its first and its last answer
     * came ({@link System#nanoTime()}).
     */
    record Series(Histogram latencies, AtomicLong errors, AtomicLong firstAt, AtomicLong lastAt) {

        private void answered() {
            long now = System.nanoTime();
            firstAt.compareAndSet(0, now);
            lastAt.accumulateAndGet(now, Math::max);
        }

        long count() {
            return latencies.getTotalCount() + errors.get();
        }

        long percentile(double p) {
            return latencies.getTotalCount() == 0 ? 0 : latencies.getValueAtPercentile(p);
        }
    }

    private final Map<String, Series> series = new ConcurrentHashMap<>();

    Series series(String name) {
        return series.computeIfAbsent(name, n -> new Series(new ConcurrentHistogram(HIGHEST_MILLIS, 3), new AtomicLong(),
                new AtomicLong(), new AtomicLong()));
    }

    void ok(String name, long millis) {
        Series series = series(name);
        series.latencies().recordValue(Math.min(Math.max(millis, 0), HIGHEST_MILLIS));
        series.answered();
    }

    void error(String name) {
        Series series = series(name);
        series.errors().incrementAndGet();
        series.answered();
    }

    boolean has(String name) {
        return series.containsKey(name);
    }
}
