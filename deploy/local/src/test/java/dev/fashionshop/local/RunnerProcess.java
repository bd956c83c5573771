package dev.fashionshop.local;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;

/**
 * The runner started the way a user starts it from a terminal, as its own process with its console
 * captured: in a process group of its own (setsid), where a terminal's Ctrl-C would reach it and every
 * service it starts, and with SIGINT's default action (a shell running the tests in the background
 * ignores SIGINT for its children, and a JVM keeps an ignored SIGINT ignored).
 */
final class RunnerProcess {

    private static final Pattern READY = Pattern.compile("Shop ready at (http://localhost:\\d+)");
    private static final Pattern POSTGRES = Pattern.compile("PostgreSQL\\s+localhost:(\\d+)");
    private static final Pattern KAFKA = Pattern.compile("Kafka\\s+(localhost:\\d+)");

    private final Process process;
    private final Path dataDirectory;
    private final List<String> console = new CopyOnWriteArrayList<>();

    private RunnerProcess(Process process, Path dataDirectory) {
        this.process = process;
        this.dataDirectory = dataDirectory;
        Thread reader = new Thread(this::readConsole, "runner-console");
        reader.setDaemon(true);
        reader.start();
    }

    static RunnerProcess start(Path dataDirectory, String... extraArguments) throws IOException {
        return start(dataDirectory, Map.of(), extraArguments);
    }

    /** Starts the runner with extra environment variables, which it passes on to the services. */
    static RunnerProcess start(Path dataDirectory, Map<String, String> environment, String... extraArguments)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(
                "setsid", "env", "--default-signal=INT",
                ProcessHandle.current().info().command().orElseThrow(),
                ShopRunner.class.getName(),
                "--port", "0", "--pg-port", "0", "--kafka-port", "0",
                "--data-dir", dataDirectory.toString(),
                "--project-dir", Path.of("../..").toAbsolutePath().normalize().toString()));
        command.addAll(List.of(extraArguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        // the classpath through the environment keeps the command line short, as `java -jar` has it: the JDK
        // shows no arguments of a process whose command line is longer than a page
        builder.environment().put("CLASSPATH", System.getProperty("java.class.path"));
        builder.environment().putAll(environment);
        RunnerProcess runner = new RunnerProcess(builder.start(), dataDirectory);
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

    Path dataDirectory() {
        return dataDirectory;
    }

    /** Sends SIGTERM, as `kill` would, and waits for the runner to end. */
    void terminate() throws InterruptedException {
        process.destroy();
        awaitExit(Duration.ofMinutes(2));
    }

    /** SIGINT to the runner alone (`kill -INT`). */
    void interrupt() throws IOException, InterruptedException {
        signal("-INT", String.valueOf(process.pid()));
    }

    /** SIGINT to the runner's whole process group, as a terminal's Ctrl-C: the runner and every service it started. */
    void interruptProcessGroup() throws IOException, InterruptedException {
        // setsid made the runner the leader of a new group: the group's id is its pid
        signal("-INT", "--", "-" + process.pid());
    }

    private static void signal(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("kill"));
        command.addAll(List.of(arguments));
        Process kill = new ProcessBuilder(command).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new IOException("kill " + String.join(" ", arguments) + " failed");
        }
    }

    int awaitExit(Duration timeout) {
        Awaitility.await("the runner to end").atMost(timeout).until(() -> !process.isAlive());
        return process.exitValue();
    }

    /** SIGTERM, so that the runner stops everything it started (PostgreSQL included); SIGKILL if it hangs. */
    private void stopIfAlive() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                killIfAlive();
            }
        } catch (InterruptedException e) {
            killIfAlive();
        }
    }

    /** SIGKILL to every process of the shop: the runner, the services, the watchdog and PostgreSQL. */
    void killIfAlive() {
        process.destroyForcibly();
        ShopProcesses.on(dataDirectory).forEach(ProcessHandle::destroyForcibly);
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
