package dev.fashionshop.benchmark;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import io.gatling.javaapi.core.Simulation;

/**
 * What every simulation of the shop shares: the shop under load with its catalogue laid out, the
 * latencies its users record, and the end of the run (drain, CPU, database transactions, rows and WAL flushes, memory, audit) in
 * the report.
 */
abstract class ShopSimulation extends Simulation {

    final Shop shop;
    final List<Shop.Sku> catalogue;
    final LatencyRecorder recorder = new LatencyRecorder();
    final BenchmarkReport report;
    private final DatabaseCounters databaseCounters;
    private final List<Timeline> timelines;
    private volatile long cpuAtStart;
    private volatile long startedAt;

    ShopSimulation(String name) throws Exception {
        MachineSpeed machine = MachineSpeed.measure();
        shop = Shop.fromSystemProperties();
        catalogue = shop.layOutCatalogue();
        report = new BenchmarkReport(name, recorder, machine);
        databaseCounters = shop.databaseCounters();
        timelines = List.of(
                new Timeline("cpu", "CPU per order answered, by step and part of the shop (ms)",
                        shop.processes::cpuMillisByPart),
                new Timeline("transactions", "Database transactions per order answered, by step and database",
                        databaseCounters::transactionsByDatabase),
                new Timeline("rows-scanned", "Rows scanned per order answered (sequential and index scans), by step and database",
                        databaseCounters::rowsScannedByDatabase),
                new Timeline("rows-written", "Rows written per order answered (inserted, updated, deleted), by step and database",
                        databaseCounters::rowsWrittenByDatabase),
                new Timeline("WAL flushes", "WAL flushes per order answered, by step (every database together)",
                        databaseCounters::walFlushes));
    }

    /** The token of one of the demo buyers, at random. */
    String anyBuyersToken() {
        return shop.token(Shop.BUYERS.get(ThreadLocalRandom.current().nextInt(Shop.BUYERS.size())));
    }

    /** A variant of the catalogue, at random. */
    Shop.Sku anySku() {
        return catalogue.get(ThreadLocalRandom.current().nextInt(catalogue.size()));
    }

    @Override
    public void before() {
        cpuAtStart = shop.processes.cpuMillis();
        timelines.forEach(Timeline::start);
        startedAt = System.nanoTime();
    }

    /** Ends the run: the steps it made ({@code rates}, each {@code level} long, after {@code warmUp}). */
    void finish(List<Integer> rates, Duration level, WarmUp warmUp) {
        try {
            report.finish(shop, rates, level, warmUp, cpuAtStart, startedAt, timelines);
        } finally {
            databaseCounters.close();
        }
    }
}
