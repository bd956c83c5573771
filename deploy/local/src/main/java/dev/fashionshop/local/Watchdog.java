package dev.fashionshop.local;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;

import dev.fashionshop.local.services.ServiceProcess;

/**
 * Stops the shop when its runner dies without stopping it (SIGKILL, a crash, the OOM killer), so that
 * no service or PostgreSQL is left behind: a small JVM whose stdin is a pipe from the runner. The runner
 * never writes to it; when the runner's process ends, however it ends, the kernel closes the pipe, and
 * the watchdog stops whatever of the shop still runs on the data directory ({@link Leftovers}) and
 * exits. After an orderly stop it finds nothing.
 */
public final class Watchdog {

    /** Held as long as the runner lives: were it garbage collected, the pipe would close. */
    private static Process watchdog;

    private Watchdog() {
    }

    /** Starts the watchdog of this runner, logging to the given file. */
    public static synchronized void start(Path dataDirectory, Path log) throws IOException {
        List<String> command = List.of(ServiceProcess.javaExecutable(),
                "-Xmx16m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData",
                Leftovers.marker(dataDirectory),
                // the runner's own classes are all it needs; a short command line, which /proc shows whole
                "-cp", classpath(),
                Watchdog.class.getName(), dataDirectory.toString());
        watchdog = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(Redirect.appendTo(log.toFile())).start();
    }

    /** deploy/local/target/shop-local.jar, or target/classes when run from the build. */
    private static String classpath() throws IOException {
        try {
            return Path.of(Watchdog.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException | RuntimeException e) {
            throw new IOException("Cannot tell where the runner's classes are", e);
        }
    }

    public static void main(String[] args) throws IOException {
        Path dataDirectory = Path.of(args[0]);
        while (System.in.read() != -1) {
            // the runner writes nothing: the read returns when the pipe closes, with the runner
        }
        List<String> stopped = Leftovers.stop(dataDirectory);
        if (!stopped.isEmpty()) {
            System.out.printf("%s The runner is gone; stopped what it left running: %s%n", LocalDateTime.now(),
                    String.join(", ", stopped));
        }
    }
}
