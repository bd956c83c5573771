package dev.fashionshop.local;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.fashionshop.local.infra.LeftoverPostgres;
import dev.fashionshop.local.services.ServiceSpec;

/**
 * What a runner that died without stopping the shop (SIGKILL, a crash) can leave running on its data
 * directory: the services and the watchdog, which the runner starts with the directory's marker on
 * their command line, and the PostgreSQL server. The watchdog stops them as soon as its runner is gone,
 * and the next runner on the directory, before it starts anything, stops whatever the watchdog could
 * not (it was killed too). Kafka runs inside the runner: it died with it, and the OS released its lock.
 */
public final class Leftovers {

    private static final Duration EXIT_WAIT = Duration.ofSeconds(10);

    private Leftovers() {
    }

    /** The command-line argument that marks a process as part of the shop running on that data directory. */
    public static String marker(Path dataDirectory) {
        return "-Dfashion-shop.data-dir=" + dataDirectory.toAbsolutePath().normalize();
    }

    /** Stops what of the shop still runs on the data directory; answers one description per process stopped. */
    public static List<String> stop(Path dataDirectory) throws IOException {
        List<String> stopped = new ArrayList<>();
        // SIGKILL, not SIGTERM: their broker died with the runner, so a graceful stop would hang waiting for it
        List<ProcessHandle> marked = marked(dataDirectory);
        for (ProcessHandle process : marked) {
            stopped.add(describe(process));
            process.destroyForcibly();
        }
        for (ProcessHandle process : marked) {
            try {
                process.onExit().get(EXIT_WAIT.toSeconds(), TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IOException("Could not stop " + describe(process), e);
            }
        }
        // after the services, which held connections to it
        LeftoverPostgres.stop(dataDirectory.toAbsolutePath().normalize().resolve("postgres")).ifPresent(stopped::add);
        return stopped;
    }

    /** The processes carrying the directory's marker, but this one. */
    static List<ProcessHandle> marked(Path dataDirectory) {
        String marker = marker(dataDirectory);
        long self = ProcessHandle.current().pid();
        return ProcessHandle.allProcesses()
                .filter(process -> process.pid() != self)
                .filter(process -> process.info().arguments().map(arguments -> Arrays.asList(arguments).contains(marker))
                        .orElse(false))
                .toList();
    }

    /** "order-service (pid 42)": a service is named after the module whose jar it runs. */
    private static String describe(ProcessHandle process) {
        List<String> arguments = process.info().arguments().map(List::of).orElse(List.of());
        int jar = arguments.indexOf("-jar");
        String name = arguments.contains(Watchdog.class.getName()) ? "the watchdog" : "a process";
        if (jar >= 0 && jar + 1 < arguments.size()) {
            String path = arguments.get(jar + 1);
            name = ServiceSpec.SHOP.stream().map(ServiceSpec::name).filter(service -> path.contains("/" + service + "/"))
                    .findFirst().orElse(name);
        }
        return name + " (pid " + process.pid() + ")";
    }
}
