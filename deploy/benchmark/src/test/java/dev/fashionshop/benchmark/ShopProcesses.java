package dev.fashionshop.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Every process of the local shop, read from /proc: the runner (which also runs the Kafka broker and the
 * gateway), the services it started, and PostgreSQL's server with its backends. Linux only.
 */
final class ShopProcesses {

    /** Clock ticks per second of /proc/<pid>/stat's times: USER_HZ, 100 on Linux. */
    private static final long TICKS_PER_SECOND = 100;

    static final String RUNNER = "runner (broker, gateway)";
    static final String POSTGRES = "PostgreSQL";

    private final ProcessHandle runner;
    private final int postgresPort;

    ShopProcesses(ProcessHandle runner, int postgresPort) {
        this.runner = runner;
        this.postgresPort = postgresPort;
    }

    /** The shop whose runner listens with its gateway on the given port, found among this machine's processes. */
    static ShopProcesses find(int gatewayPort, int postgresPort) {
        ProcessHandle runner = ProcessHandle.allProcesses()
                .filter(process -> process.info().commandLine().map(line -> line.contains("shop-local")
                        && (gatewayPort == 8080 && !line.contains("--port") || line.contains("--port " + gatewayPort)))
                        .orElse(false))
                .findFirst().orElseThrow(() -> new IllegalStateException("No runner of a shop on port " + gatewayPort));
        return new ShopProcesses(runner, postgresPort);
    }

    /** CPU time used so far by every process of the shop, in milliseconds (user and system). */
    long cpuMillis() {
        return cpuMillisByPart().values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * CPU time used so far by each part of the shop, in milliseconds: each service (its instances together),
     * the runner (broker and gateway), PostgreSQL (server and backends).
     */
    Map<String, Long> cpuMillisByPart() {
        Map<String, Long> ticks = new TreeMap<>();
        shop().forEach(process -> ticks.merge(part(process), cpuTicks(process), Long::sum));
        ticks.replaceAll((part, used) -> used * 1000 / TICKS_PER_SECOND);
        return ticks;
    }

    private String part(ProcessHandle process) {
        if (process.pid() == runner.pid()) {
            return RUNNER;
        }
        return serviceName(process).orElseGet(() -> process.info().command().orElse("").contains("postgres") ? POSTGRES : "other");
    }

    /** The resident memory of each service instance (by name and pid), in MiB. */
    Map<String, Long> residentMiB() {
        Map<String, Long> rss = new LinkedHashMap<>();
        runner.children().forEach(child -> serviceName(child).ifPresent(name -> rss.put(name + " (" + child.pid() + ")",
                statusField(child.pid(), "VmRSS:") / 1024)));
        rss.put(RUNNER + " (" + runner.pid() + ")", statusField(runner.pid(), "VmRSS:") / 1024);
        return rss;
    }

    private Stream<ProcessHandle> shop() {
        Stream<ProcessHandle> runnerAndServices = Stream.concat(Stream.of(runner), runner.descendants());
        // PostgreSQL's server runs daemonized, outside the runner's tree: found by its port, with its backends
        Stream<ProcessHandle> postgres = ProcessHandle.allProcesses()
                .filter(process -> process.info().commandLine()
                        .map(line -> line.contains("bin/postgres") && line.contains("-p " + postgresPort)).orElse(false))
                .flatMap(server -> Stream.concat(Stream.of(server), server.descendants()));
        return Stream.concat(runnerAndServices, postgres).distinct();
    }

    private static Optional<String> serviceName(ProcessHandle process) {
        return process.info().commandLine().flatMap(line -> Stream.of("store-service", "order-service", "payment-service",
                "delivery-service", "order-view-service").filter(line::contains).findFirst());
    }

    private static long cpuTicks(ProcessHandle process) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(process.pid()), "stat"));
            // the command may hold spaces: fields are counted after its closing parenthesis
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }

    private static long statusField(long pid, String field) {
        try (Stream<String> lines = Files.lines(Path.of("/proc", String.valueOf(pid), "status"))) {
            return lines.filter(line -> line.startsWith(field)).findFirst()
                    .map(line -> Long.parseLong(line.replaceAll("[^0-9]", ""))).orElse(0L);
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }
}
