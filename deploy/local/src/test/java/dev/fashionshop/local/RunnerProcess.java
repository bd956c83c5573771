package dev.fashionshop.local;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;

/** The runner started the way a user starts it, as its own process, with its console captured. */
final class RunnerProcess {

    private static final Pattern READY = Pattern.compile("Shop ready at (http://localhost:\\d+)");
    private static final Pattern POSTGRES = Pattern.compile("PostgreSQL\\s+localhost:(\\d+)");
    private static final Pattern KAFKA = Pattern.compile("Kafka\\s+(localhost:\\d+)");

    private final Process process;
    private final List<String> console = new CopyOnWriteArrayList<>();

    private RunnerProcess(Process process) {
        this.process = process;
        Thread reader = new Thread(this::readConsole, "runner-console");
        reader.setDaemon(true);
        reader.start();
    }

    static RunnerProcess start(Path dataDirectory, String... extraArguments) throws IOException {
        return start(dataDirectory, java.util.Map.of(), extraArguments);
    }

    /** Starts the runner with extra environment variables, which it passes on to the services. */
    static RunnerProcess start(Path dataDirectory, java.util.Map<String, String> environment, String... extraArguments)
            throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElseThrow(),
                "-cp", System.getProperty("java.class.path"),
                ShopRunner.class.getName(),
                "--port", "0", "--pg-port", "0", "--kafka-port", "0",
                "--data-dir", dataDirectory.toString(),
                "--project-dir", Path.of("../..").toAbsolutePath().normalize().toString()));
        command.addAll(List.of(extraArguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        RunnerProcess runner = new RunnerProcess(builder.start());
        // a test run that ends, or is itself stopped, must not leave a shop running behind it
        Runtime.getRuntime().addShutdownHook(new Thread(runner::stopIfAlive, "stop-runner"));
        return runner;
    }

    private void readConsole() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream()))) {
            String line;
            while ((line = reader.readLine()) != null) {
                console.add(line);
                System.out.println("[runner] " + line);
            }
        } catch (IOException e) {
            console.add("console closed: " + e.getMessage());
        }
    }

    /** Waits for "Shop ready at ..." and returns the gateway URL. */
    String awaitReady() {
        Awaitility.await("the shop to be ready").atMost(Duration.ofMinutes(5))
                .until(() -> find(READY).isPresent() || !process.isAlive());
        return find(READY).orElseThrow(() -> new AssertionError("The runner ended without being ready: " + console));
    }

    int postgresPort() {
        return Integer.parseInt(find(POSTGRES).orElseThrow());
    }

    String kafkaBootstrapServers() {
        return find(KAFKA).orElseThrow();
    }

    ProcessHandle handle() {
        return process.toHandle();
    }

    /** Sends SIGTERM, as Ctrl-C or `kill` would, and waits for the runner to end. */
    void terminate() throws InterruptedException {
        process.destroy();
        Awaitility.await("the runner to stop").atMost(Duration.ofMinutes(2)).until(() -> !process.isAlive());
    }

    /** SIGTERM, so that the runner stops everything it started (PostgreSQL included); SIGKILL if it hangs. */
    private void stopIfAlive() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(90, java.util.concurrent.TimeUnit.SECONDS)) {
                killIfAlive();
            }
        } catch (InterruptedException e) {
            killIfAlive();
        }
    }

    void killIfAlive() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    List<String> console() {
        return List.copyOf(console);
    }

    private Optional<String> find(Pattern pattern) {
        for (String line : console) {
            Matcher matcher = pattern.matcher(line);
            if (matcher.find()) {
                return Optional.of(matcher.group(1));
            }
        }
        return Optional.empty();
    }
}
