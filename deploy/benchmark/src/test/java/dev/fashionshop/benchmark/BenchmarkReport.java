package dev.fashionshop.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.fashionshop.local.audit.ShopAudit;

/**
 * Judges each step of the load and writes the run's figures: to the console and to
 * {@code target/benchmark/<name>-summary.md}, next to Gatling's own HTML report (target/gatling).
 */
final class BenchmarkReport {

    static final String WARM_UP = "warm-up";
    static final String VIEW_FRESHNESS = "order answered -> in the buyer's view";
    static final String STORE_FRESHNESS = "order answered -> RECEIVED at the store";

    private final String name;
    private final LatencyRecorder recorder;
    private final MachineSpeed machine;

    BenchmarkReport(String name, LatencyRecorder recorder, MachineSpeed machine) {
        this.name = name;
        this.recorder = recorder;
        this.machine = machine;
    }

    static String step(int rate) {
        return "orders at " + rate + "/s";
    }

    /** The series of one freshness (view or store) measured in one step. */
    static String freshness(String freshness, String step) {
        return freshness + ", " + step;
    }

    /** Whether a step before this one (an index in rates) broke: its p99 above the limit, or an error. */
    boolean aStepBrokeBefore(List<Integer> rates, int step) {
        for (int i = 0; i < step; i++) {
            if (recorder.has(step(rates.get(i))) && broke(recorder.series(step(rates.get(i))))) {
                return true;
            }
        }
        return false;
    }

    private static boolean broke(LatencyRecorder.Series series) {
        return series.errors().get() > 0 || series.percentile(99) > OrdersSimulation.P99_LIMIT_MS;
    }

    /**
     * After the load: waits until the shop drained (the audit waits for quiet), measures CPU and memory,
     * writes the figures and stops a shop this run started. Fails the run when the audit finds a violation.
     */
    void finish(Shop shop, List<Integer> rates, Duration level, WarmUp warmUp, long cpuAtStart, long startedAt,
            List<Timeline> timelines) {
        try {
            long loadEnded = System.nanoTime();
            ShopAudit.Report audit = shop.audit();
            long drained = System.nanoTime();
            long cpu = shop.processes.cpuMillis() - cpuAtStart;
            timelines.forEach(Timeline::stop);
            write(rates, level, warmUp, (drained - loadEnded) / 1_000_000, cpu, (loadEnded - startedAt) / 1_000_000,
                    shop.processes.residentMiB(), audit, timelines);
            if (!audit.passed()) {
                throw new IllegalStateException("The audit found violations after the load: " + audit.violations());
            }
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            try {
                shop.stop();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void write(List<Integer> rates, Duration level, WarmUp warmUp, long drainMillis, long cpuMillis, long loadMillis,
            Map<String, Long> residentMiB, ShopAudit.Report audit, List<Timeline> timelines) {
        StringBuilder out = new StringBuilder();
        out.append("# Benchmark: ").append(name).append(", ").append(Instant.now()).append("\n\n");
        out.append("Machine: ").append(machine.describe()).append(".\n\nSteps of ").append(level.toSeconds())
                .append(" s after ").append(warmUp.describe()).append(".\n\n");
        out.append("| step | orders | errors | p50 ms | p95 ms | p99 ms | max ms | held (p99 <= ")
                .append(OrdersSimulation.P99_LIMIT_MS).append(" ms, 0 errors) |\n|---|---|---|---|---|---|---|---|\n");
        Integer headline = null;
        long orders = 0;
        if (recorder.has(WARM_UP)) {
            LatencyRecorder.Series warming = recorder.series(WARM_UP);
            orders += warming.latencies().getTotalCount();
            out.append(row(WARM_UP + " at " + rates.get(0) + "/s", warming)).append(" (not judged) |\n");
        }
        for (int rate : rates) {
            if (!recorder.has(step(rate))) {
                out.append("| ").append(step(rate)).append(" | not run: a step before broke | | | | | | |\n");
                continue;
            }
            LatencyRecorder.Series series = recorder.series(step(rate));
            orders += series.latencies().getTotalCount();
            boolean held = !broke(series) && series.count() >= rate * level.toSeconds() * 9 / 10;
            if (held && (headline == null || rate > headline)) {
                headline = rate;
            }
            out.append(row(step(rate), series)).append(held ? " yes |\n" : " no |\n");
        }
        out.append("\n**Highest rate held: ").append(headline == null ? "none" : headline + " orders/s").append("**\n\n");
        for (String freshness : List.of(VIEW_FRESHNESS, STORE_FRESHNESS)) {
            if (recorder.has(freshness)) {
                LatencyRecorder.Series series = recorder.series(freshness);
                out.append("- ").append(freshness).append(": p50 ").append(series.percentile(50)).append(" ms, p99 ")
                        .append(series.percentile(99)).append(" ms (").append(series.latencies().getTotalCount())
                        .append(" sampled orders)\n");
            }
        }
        out.append(freshnessPerStep(rates));
        out.append("- drain (load over -> no event waiting in an outbox or behind a consumer): ").append(drainMillis)
                .append(" ms\n");
        out.append("- CPU of all the shop's processes, start of the load to drained: ").append(cpuMillis).append(" ms for ")
                .append(orders).append(" orders = ").append(orders == 0 ? "-" : String.format("%.1f", (double) cpuMillis / orders))
                .append(" ms per order (load lasted ").append(loadMillis / 1000).append(" s)\n");
        out.append("- resident memory after the load (MiB): ").append(residentMiB).append("\n");
        out.append("- audit: ").append(audit.passed() ? "passed" : audit.violations().size() + " violation(s), unquiet "
                + audit.unquiet()).append("; orders by status ").append(audit.ordersByStatus()).append("\n");
        timelines.forEach(timeline -> out.append(perOrderAnswered(rates, timeline)));
        System.out.println(out);
        Path file = Path.of(System.getProperty("benchmark.output", "target/benchmark"), name + "-summary.md");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Each step's freshness, since a target is set at a rate (the view's p99 at 150 orders/s), and the whole
     * run's figure mixes the quiet steps with the broken ones.
     */
    private String freshnessPerStep(List<Integer> rates) {
        List<String> steps = new ArrayList<>();
        for (int rate : rates) {
            String view = freshness(VIEW_FRESHNESS, step(rate));
            String store = freshness(STORE_FRESHNESS, step(rate));
            if (recorder.has(view) && recorder.has(store)) {
                LatencyRecorder.Series inView = recorder.series(view);
                LatencyRecorder.Series atStore = recorder.series(store);
                steps.add(rate + "/s: view " + inView.percentile(50) + " / " + inView.percentile(99) + ", store "
                        + atStore.percentile(50) + " / " + atStore.percentile(99) + " ("
                        + inView.latencies().getTotalCount() + ")");
            }
        }
        return steps.isEmpty() ? "" : "- by step, p50 / p99 ms (sampled orders): " + String.join("; ", steps) + "\n";
    }

    /**
     * Each step's cost per order answered (CPU, transactions), by part of the shop, from the first to the last
     * answer of the step: what a rate costs once warm, without the warm-up's or the drain's share.
     */
    private String perOrderAnswered(List<Integer> rates, Timeline timeline) {
        StringBuilder out = new StringBuilder("\n## " + timeline.title() + "\n\n");
        List<String> steps = new ArrayList<>(List.of(WARM_UP));
        rates.forEach(rate -> steps.add(step(rate)));
        List<String> parts = null;
        for (String step : steps) {
            if (!recorder.has(step)) {
                continue;
            }
            LatencyRecorder.Series series = recorder.series(step);
            Map<String, Long> used = timeline.between(series.firstAt().get(), series.lastAt().get());
            if (parts == null) {
                parts = List.copyOf(used.keySet());
                out.append("| step | all | ").append(String.join(" | ", parts)).append(" |\n|---|---|")
                        .append("---|".repeat(parts.size())).append("\n");
            }
            double orders = Math.max(1, series.count());
            out.append("| ").append(step).append(" | ").append(String.format("%.1f",
                    used.values().stream().mapToLong(Long::longValue).sum() / orders));
            for (String part : parts) {
                out.append(" | ").append(String.format("%.1f", used.getOrDefault(part, 0L) / orders));
            }
            out.append(" |\n");
        }
        return out.toString();
    }

    private static String row(String step, LatencyRecorder.Series series) {
        return "| " + step + " | " + series.latencies().getTotalCount() + " | " + series.errors().get() + " | "
                + series.percentile(50) + " | " + series.percentile(95) + " | " + series.percentile(99) + " | "
                + series.latencies().getMaxValue() + " |";
    }
}
