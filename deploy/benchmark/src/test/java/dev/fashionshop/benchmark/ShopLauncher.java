package dev.fashionshop.benchmark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Starts the local runner ({@code deploy/local/target/shop-local.jar}) on free ports and a fresh data
 * directory, as a user would, and stops it (SIGTERM) when the benchmark is over.
 */
final class ShopLauncher implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(5);

    private final Process runner;
    final int gatewayPort;
    final int postgresPort;
    final int kafkaPort;
    private final CountDownLatch ready = new CountDownLatch(1);

    private ShopLauncher(Path projectDirectory, Path dataDirectory) throws IOException {
        gatewayPort = freePort();
        postgresPort = freePort();
        kafkaPort = freePort();
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-jar", projectDirectory.resolve("deploy/local/target/shop-local.jar").toString(),
                "--port", String.valueOf(gatewayPort), "--pg-port", String.valueOf(postgresPort),
                "--kafka-port", String.valueOf(kafkaPort), "--data-dir", dataDirectory.toString(), "--fresh",
                "--project-dir", projectDirectory.toString()));
        // e.g. -Dbenchmark.service-jvm-options=-XX:StartFlightRecording=filename=/tmp/jfr/ to profile every service
        for (String option : System.getProperty("benchmark.service-jvm-options", "").split("\\s+")) {
            if (!option.isBlank()) {
                command.add("--service-jvm-option=" + option);
            }
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        // the two demo buyers stand for the crowd the arrival rate is: each places up to 20 orders a second and
        // follows dozens of streams, far beyond a buyer's quotas (shop.orders.rate-limit,
        // shop.my-orders.streams-per-buyer), which the runner's services inherit from its environment
        builder.environment().put("SHOP_ORDERS_RATE_LIMIT_ORDERS", "1000000");
        builder.environment().put("SHOP_MY_ORDERS_STREAMS_PER_BUYER", "100000");
        runner = builder.start();
        Thread console = new Thread(this::followConsole, "runner-console");
        console.setDaemon(true);
        console.start();
    }

    static ShopLauncher start(Path projectDirectory, Path dataDirectory) throws IOException, InterruptedException {
        ShopLauncher shop = new ShopLauncher(projectDirectory, dataDirectory);
        Instant begin = Instant.now();
        if (!shop.ready.await(READY_TIMEOUT.toSeconds(), TimeUnit.SECONDS) || !shop.runner.isAlive()) {
            shop.close();
            throw new IllegalStateException("The shop was not ready within " + READY_TIMEOUT.toMinutes() + " minutes");
        }
        System.out.printf("Shop ready in %.1f s%n", Duration.between(begin, Instant.now()).toMillis() / 1000.0);
        return shop;
    }

    String gatewayUrl() {
        return "http://localhost:" + gatewayPort;
    }

    ProcessHandle runner() {
        return runner.toHandle();
    }

    private void followConsole() {
        try (BufferedReader console = new BufferedReader(new InputStreamReader(runner.getInputStream()))) {
            String line;
            while ((line = console.readLine()) != null) {
                System.out.println("[runner] " + line);
                if (line.startsWith("Shop ready at")) {
                    ready.countDown();
                }
            }
        } catch (IOException closed) {
            // the runner ended
        }
        ready.countDown();
    }

    @Override
    public void close() throws InterruptedException {
        runner.destroy();
        if (!runner.waitFor(1, TimeUnit.MINUTES)) {
            runner.descendants().forEach(ProcessHandle::destroyForcibly);
            runner.destroyForcibly();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
