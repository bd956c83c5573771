package dev.fashionshop.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The processes of a shop running, or left running, on a data directory, found as an operator would
 * find them: every process whose command line names the directory (the runner, its services and its
 * watchdog, PostgreSQL's server) and their descendants (PostgreSQL's backends, whose command lines do
 * not name it).
 */
final class ShopProcesses {

    private ShopProcesses() {
    }

    static List<ProcessHandle> on(Path dataDirectory) {
        String directory = dataDirectory.toAbsolutePath().normalize().toString();
        long self = ProcessHandle.current().pid();
        return ProcessHandle.allProcesses()
                .filter(process -> process.pid() != self)
                .filter(process -> process.info().arguments().map(Arrays::stream).orElseGet(Stream::empty)
                        .anyMatch(argument -> argument.equals(directory) || argument.startsWith(directory + "/")
                                || argument.endsWith("=" + directory)))
                .flatMap(process -> Stream.concat(Stream.of(process), process.descendants()))
                .distinct()
                .toList();
    }

    /** PostgreSQL's server on the data directory, as its postmaster.pid names it. */
    static Optional<ProcessHandle> postmaster(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postgres").resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        return ProcessHandle.of(Long.parseLong(Files.readAllLines(pidFile).get(0).trim()));
    }

    static boolean isWatchdog(ProcessHandle process) {
        return process.info().arguments().map(arguments -> Arrays.asList(arguments).contains(Watchdog.class.getName()))
                .orElse(false);
    }

    static boolean isPostgres(ProcessHandle process) {
        return process.info().command().map(command -> command.endsWith("/postgres")).orElse(false);
    }

    /** SIGKILL to each, the watchdog first: it would start stopping the others as soon as the runner is gone. */
    static void killAll(List<ProcessHandle> processes) {
        processes.stream().filter(ShopProcesses::isWatchdog).forEach(ProcessHandle::destroyForcibly);
        processes.forEach(ProcessHandle::destroyForcibly);
    }
}
