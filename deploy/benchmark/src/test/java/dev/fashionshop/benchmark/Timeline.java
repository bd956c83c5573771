package dev.fashionshop.benchmark;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Counters of the shop's parts that only grow (CPU time, database transactions), sampled every second
 * while the load runs, so that each step of the load can be told what it cost: a rate's CPU per order, not
 * only the whole run's.
 */
final class Timeline {

    private record Sample(long at, Map<String, Long> counters) {
    }

    private final String title;
    private final Supplier<Map<String, Long>> counters;
    private final List<Sample> samples = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService sampler;

    /**
     * @param name what is counted, for the sampling thread's name
     * @param title the heading of its table in the report, per order answered
     */
    Timeline(String name, String title, Supplier<Map<String, Long>> counters) {
        this.title = title;
        this.counters = counters;
        this.sampler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, name + "-timeline");
            thread.setDaemon(true);
            return thread;
        });
    }

    String title() {
        return title;
    }

    void start() {
        sampler.scheduleAtFixedRate(this::sample, 0, 1, TimeUnit.SECONDS);
    }

    void stop() {
        sampler.shutdownNow();
        sample();
    }

    /** How much each counter grew between two instants ({@link System#nanoTime()}), interpolated. */
    Map<String, Long> between(long from, long to) {
        Map<String, Long> used = new TreeMap<>();
        Map<String, Double> atEnd = at(to);
        at(from).forEach((part, atStart) -> used.put(part, Math.round(atEnd.getOrDefault(part, atStart) - atStart)));
        return used;
    }

    private Map<String, Double> at(long instant) {
        Sample before = samples.get(0);
        Sample after = samples.get(samples.size() - 1);
        for (Sample sample : samples) {
            if (sample.at() <= instant) {
                before = sample;
            } else {
                after = sample;
                break;
            }
        }
        double share = after.at() == before.at() ? 0 : (double) (instant - before.at()) / (after.at() - before.at());
        Map<String, Double> cpu = new TreeMap<>();
        Sample start = before;
        after.counters().forEach((part, end) -> {
            long begin = start.counters().getOrDefault(part, end);
            cpu.put(part, begin + share * (end - begin));
        });
        return cpu;
    }

    private void sample() {
        samples.add(new Sample(System.nanoTime(), counters.get()));
    }
}
