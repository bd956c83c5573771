package dev.fashionshop.local.services;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A service running as a child process, kept alive the way Kubernetes keeps a pod alive: when the
 * process dies, or its liveness probe fails several times in a row, it is started again after a
 * back-off that doubles up to a ceiling and resets once the service was ready again. Readiness is
 * probed every round (the gateway routes by it, also while a service drains before it stops); liveness,
 * when a service is not ready, at most every {@link #LIVENESS_PERIOD}.
 * <p>
 * {@link #supervise()} is called periodically by the runner; it never blocks longer than a probe.
 */
public final class ServiceProcess {

    static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    /** Consecutive liveness failures that make the runner kill the process. */
    static final int LIVENESS_FAILURE_THRESHOLD = 3;
    /** Liveness is not judged before this long after a start: a JVM needs time to come up. */
    static final Duration STARTUP_GRACE = Duration.ofSeconds(60);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);
    /**
     * How often liveness is judged, as the generated Kubernetes probes do: a service slow to answer on two
     * saturated cores (a probe answers once each of its checks has run) must fail for many seconds, not
     * three, before it is killed and its warm JIT thrown away.
     */
    static final Duration LIVENESS_PERIOD = Duration.ofSeconds(5);
    /** A JVM compiling on starved cores may take seconds to answer; not answering at all is what counts. */
    private static final Duration LIVENESS_TIMEOUT = Duration.ofSeconds(5);

    private final ServiceSpec spec;
    private final int port;
    private final Path jar;
    private final Path logFile;
    private final Map<String, String> environment;
    private final List<String> jvmOptions;
    private final ClassArchive classArchive;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(PROBE_TIMEOUT).build();

    private volatile Process process;
    private volatile Health health = Health.STOPPED;
    private volatile boolean stopping;
    private volatile List<ProcessHandle> descendants = List.of();
    private int restarts;
    private Duration backoff = FIRST_BACKOFF;
    private Instant restartAt;
    private volatile Instant startedAt;
    private volatile Instant livenessProbedAt = Instant.EPOCH;
    private int livenessFailures;

    public ServiceProcess(ServiceSpec spec, int port, Path jar, Path logFile, Map<String, String> environment,
            List<String> jvmOptions, ClassArchive classArchive) {
        this.spec = spec;
        this.port = port;
        this.jar = jar;
        this.logFile = logFile;
        this.environment = Map.copyOf(environment);
        this.jvmOptions = List.copyOf(jvmOptions);
        this.classArchive = classArchive;
    }

    public ServiceSpec spec() {
        return spec;
    }

    public String name() {
        return spec.name();
    }

    public int port() {
        return port;
    }

    public String url() {
        return "http://localhost:" + port;
    }

    public Path jar() {
        return jar;
    }

    public Path logFile() {
        return logFile;
    }

    public Health health() {
        return health;
    }

    public synchronized int restarts() {
        return restarts;
    }

    /** The PID of the current process, or -1 when none runs. */
    public long pid() {
        Process current = process;
        return current != null && current.isAlive() ? current.pid() : -1;
    }

    public synchronized void start() throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IOException(jar + " does not exist: build the project first (the README's first command)");
        }
        Files.createDirectories(logFile.getParent());
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.addAll(jvmOptions);
        // an archive records the class path relative to the jar's directory, hence the working directory below
        command.addAll(classArchive.jvmOptions(jar));
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(jar.getParent().toFile())
                .redirectErrorStream(true)
                .redirectOutput(Redirect.appendTo(logFile.toFile()));
        builder.environment().putAll(environment);
        process = builder.start();
        startedAt = Instant.now();
        livenessFailures = 0;
        health = Health.STARTING;
    }

    /** One round of supervision: restart a dead process when its back-off has passed, else probe it. */
    public void supervise() {
        Process current = process;
        if (stopping) {
            return;
        }
        if (current == null || !current.isAlive()) {
            restartWhenDue(current);
            return;
        }
        // probed without holding the lock: stopping the service never waits for a probe
        boolean ready = probe("/q/health/ready", PROBE_TIMEOUT);
        Instant now = Instant.now();
        boolean judged = !ready && Duration.between(startedAt, now).compareTo(STARTUP_GRACE) >= 0
                && Duration.between(livenessProbedAt, now).compareTo(LIVENESS_PERIOD) >= 0;
        if (judged) {
            livenessProbedAt = now;
        }
        Boolean live = judged ? probe("/q/health/live", LIVENESS_TIMEOUT) : null;
        recordProbes(current, ready, live);
    }

    /** @param live the liveness probe's answer, or null when it was not probed this round */
    private synchronized void recordProbes(Process probed, boolean ready, Boolean live) {
        if (stopping || probed != process) {
            return;
        }
        if (ready) {
            health = Health.UP;
            backoff = FIRST_BACKOFF;
        } else if (health == Health.UP) {
            health = Health.DOWN;
        }
        if (ready || Boolean.TRUE.equals(live)) {
            livenessFailures = 0;
        } else if (Boolean.FALSE.equals(live)) {
            livenessFailures++;
        }
        if (livenessFailures >= LIVENESS_FAILURE_THRESHOLD) {
            System.out.printf("%s (pid %d) failed its liveness probe %d times; killing it%n", name(), probed.pid(),
                    livenessFailures);
            probed.destroyForcibly();
        }
    }

    private synchronized void restartWhenDue(Process dead) {
        if (stopping || dead != process) {
            return;
        }
        Instant now = Instant.now();
        if (restartAt == null) {
            health = Health.RESTARTING;
            restartAt = now.plus(backoff);
            System.out.printf("%s (pid %d) exited with code %s; restarting in %d s%n", name(),
                    dead == null ? -1 : dead.pid(), dead == null ? "?" : dead.exitValue(), backoff.toSeconds());
            backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            return;
        }
        if (now.isBefore(restartAt)) {
            return;
        }
        restartAt = null;
        try {
            start();
            restarts++;
            System.out.printf("%s restarted (pid %d)%n", name(), process.pid());
        } catch (IOException e) {
            System.err.printf("%s could not be restarted: %s%n", name(), e.getMessage());
        }
    }

    private boolean probe(String path, Duration timeout) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url() + path)).timeout(timeout).GET().build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Starts a stopped service again, and supervises it again. Nothing happens if it runs. */
    public synchronized void resume() throws IOException {
        if (!stopping) {
            return;
        }
        stopping = false;
        backoff = FIRST_BACKOFF;
        restartAt = null;
        start();
    }

    /**
     * Supervises the service no more, at once and without waiting for a round of supervision in progress:
     * the first thing the runner does when it stops, so that a service exiting meanwhile (it got the
     * terminal's SIGINT too) is not taken for a crash and started again.
     */
    public void stopSupervising() {
        stopping = true;
    }

    /** Stops the process: SIGTERM first so that it shuts down gracefully, SIGKILL after the grace period. */
    public void stop(Duration grace) {
        requestStop();
        awaitStopped(Instant.now().plus(grace));
    }

    /** Sends SIGTERM, without waiting: the whole shop's services stop in parallel. */
    public void requestStop() {
        Process current;
        synchronized (this) {
            stopping = true;
            current = process;
        }
        if (current != null && current.isAlive()) {
            descendants = current.descendants().toList();
            current.destroy();
        }
    }

    /**
     * Waits for the process to exit after {@link #requestStop()}; kills it (SIGKILL) at the deadline.
     * Answers whether it exited by itself (or was not running).
     */
    public boolean awaitStopped(Instant deadline) {
        Process current = process;
        boolean byItself = true;
        if (current != null) {
            try {
                long left = Math.max(0, Duration.between(Instant.now(), deadline).toMillis());
                if (!current.waitFor(left, TimeUnit.MILLISECONDS)) {
                    byItself = false;
                    System.out.printf("%s (pid %d) did not stop in time; killing it%n", name(), current.pid());
                    current.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                byItself = false;
                current.destroyForcibly();
            }
            descendants.forEach(ProcessHandle::destroyForcibly);
        }
        health = Health.STOPPED;
        return byItself;
    }

    /** The java command running the runner, to start other JVMs with. */
    public static String javaExecutable() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }
}
