package dev.fashionshop.local.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL server left running on a data directory by a runner that was killed: pg_ctl detaches
 * the server from the runner (its own session), so it outlives it, holding the directory. Found through
 * its postmaster.pid and stopped as pg_ctl stops it (fast shutdown: sessions are ended, what was
 * committed stays), so that a new server can start on the directory.
 */
public final class LeftoverPostgres {

    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private LeftoverPostgres() {
    }

    /**
     * Stops the server running on the directory, if one does; answers what was stopped. Refuses (an
     * IOException naming it) when postmaster.pid names a live process that is not a PostgreSQL server on
     * this directory: PostgreSQL would not start, and that process is none of the runner's business.
     */
    public static Optional<String> stop(Path postgresDirectory) throws IOException {
        Path pidFile = postgresDirectory.resolve("postmaster.pid");
        Optional<ProcessHandle> postmaster = postmaster(pidFile);
        if (postmaster.isEmpty()) {
            return Optional.empty();
        }
        ProcessHandle server = postmaster.get();
        if (!isPostgresOn(server, postgresDirectory)) {
            if (exitsSoon(server)) {
                return Optional.empty();
            }
            throw new IOException(pidFile + " names process " + server.pid() + " (" + server.info().commandLine().orElse("?")
                    + "), which is not a PostgreSQL server on " + postgresDirectory + ". If no server runs there, delete "
                    + pidFile);
        }
        List<ProcessHandle> serverProcesses = Stream.concat(Stream.of(server), server.descendants()).toList();
        if (!fastShutdown(server, postgresDirectory)) {
            // pg_ctl could not stop it: kill it, and its backends, which would keep its shared memory
            serverProcesses.forEach(ProcessHandle::destroyForcibly);
        }
        awaitExit(serverProcesses);
        return Optional.of("PostgreSQL (pid " + server.pid() + ")");
    }

    /** The live process postmaster.pid names, if any: a pid of a process that is gone is a stale file PostgreSQL ignores. */
    private static Optional<ProcessHandle> postmaster(Path pidFile) throws IOException {
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        String firstLine = Files.readAllLines(pidFile).stream().findFirst().orElse("").trim();
        if (!firstLine.matches("\\d+")) {
            return Optional.empty();
        }
        return ProcessHandle.of(Long.parseLong(firstLine)).filter(ProcessHandle::isAlive);
    }

    private static boolean isPostgresOn(ProcessHandle process, Path postgresDirectory) {
        boolean postgres = process.info().command().map(command -> Path.of(command).getFileName().toString().equals("postgres"))
                .orElse(false);
        boolean onDirectory = process.info().arguments()
                .map(arguments -> Arrays.asList(arguments).contains(postgresDirectory.toString())).orElse(false);
        return postgres && onDirectory;
    }

    /** A process just killed may still show, without a command line, for a moment. */
    private static boolean exitsSoon(ProcessHandle process) {
        try {
            process.onExit().get(2, TimeUnit.SECONDS);
            return true;
        } catch (Exception stillThere) {
            return false;
        }
    }

    /** pg_ctl stop -m fast, with the pg_ctl of the server's own installation. */
    private static boolean fastShutdown(ProcessHandle server, Path postgresDirectory) {
        Optional<Path> pgCtl = server.info().command().map(command -> Path.of(command).resolveSibling("pg_ctl"))
                .filter(Files::isExecutable);
        if (pgCtl.isEmpty()) {
            return false;
        }
        try {
            Process stop = new ProcessBuilder(pgCtl.get().toString(), "stop", "-D", postgresDirectory.toString(), "-m", "fast",
                    "-w", "-t", String.valueOf(STOP_TIMEOUT.toSeconds()))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return stop.waitFor(STOP_TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS) && stop.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void awaitExit(List<ProcessHandle> processes) {
        for (ProcessHandle process : processes) {
            try {
                process.onExit().get(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            } catch (Exception e) {
                process.destroyForcibly();
            }
        }
    }
}
