package dev.fashionshop.local.training;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import dev.fashionshop.local.LocalShop;
import dev.fashionshop.local.LocalShopOptions;
import dev.fashionshop.local.Watchdog;
import dev.fashionshop.local.services.ClassArchive;
import dev.fashionshop.local.services.ServiceProcess;
import dev.fashionshop.local.services.ServiceSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code shop-local train}: writes each service's class-data archive from a run of the whole shop, so that
 * every later start loads the classes it needs from one mapped file instead of finding, reading and
 * verifying them in the jars (docs/performance.md, tenth round). The build runs it once the services are
 * packaged; a service rebuilt since goes back to the archive its own build wrote.
 */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Writes each service's class-data archive (app-cds-trained.jsa beside its quarkus-run.jar) from "
                + "a run of the whole shop on free ports and a scratch data directory, with one walk through the saga. "
                + "Later starts load their classes from it.")
public final class TrainCommand implements Callable<Integer> {

    /** Writing an archive takes a JVM a few seconds after it stopped; five at once on two cores, longer. */
    private static final Duration DUMP_TIMEOUT = Duration.ofMinutes(3);

    @Option(names = "--project-dir", required = true, description = "The project checkout holding the built services.")
    Path projectDirectory;

    @Option(names = "--startup-timeout", description = "Seconds to wait for every service to be ready (default: ${DEFAULT-VALUE}).")
    int startupTimeoutSeconds = 300;

    @Override
    public Integer call() throws Exception {
        Instant begin = Instant.now();
        Path project = projectDirectory.toAbsolutePath().normalize();
        for (ServiceSpec spec : ServiceSpec.SHOP) {
            ClassArchive.discardTrained(spec.runnableJar(project));
        }
        Path data = Files.createTempDirectory("shop-class-archives");
        Path logs = Files.createDirectories(data.resolve("logs"));
        // PostgreSQL's and Kafka's logs go to a file, as in a shop the runner starts
        System.setProperty("org.slf4j.simpleLogger.logFile", logs.resolve("infrastructure.log").toString());
        Watchdog.start(data, logs.resolve("watchdog.log"));
        LocalShopOptions options = new LocalShopOptions(data, project, 0, 0, 0, LocalShopOptions.DEFAULT_JVM_OPTIONS,
                Map.of(), ClassArchive.TRAIN, false);
        List<String> written;
        try (LocalShop shop = new LocalShop(options)) {
            shop.start();
            shop.awaitReady(Duration.ofSeconds(startupTimeoutSeconds));
            new TrainingJourney(shop.gatewayUrl()).walk();
            written = stopAndPromote(shop);
            for (ServiceProcess service : shop.services()) {
                checkUsable(service);
            }
        } catch (Exception e) {
            System.err.println("Training the class-data archives failed: " + e.getMessage()
                    + "\nThe services' logs are in " + logs);
            return 1;
        }
        deleteRecursively(data);
        System.out.printf("Class-data archives trained in %d s: %s%n", Duration.between(begin, Instant.now()).toSeconds(),
                String.join(", ", written));
        if (written.size() < ServiceSpec.SHOP.size()) {
            System.out.println("A service without one starts from the archive its build wrote. Does this JDK have a base "
                    + "class-data archive (java -Xshare:dump writes it)?");
        }
        return 0;
    }

    /**
     * Stops every service at once, as the shop does, but waits for each JVM to write its archive; answers the
     * services whose archive is complete (their JVM exited by itself).
     */
    private static List<String> stopAndPromote(LocalShop shop) throws IOException {
        shop.beginStop();
        List<ServiceProcess> services = shop.services();
        services.forEach(ServiceProcess::requestStop);
        Instant deadline = Instant.now().plus(DUMP_TIMEOUT);
        List<String> written = new ArrayList<>();
        for (ServiceProcess service : services) {
            if (service.awaitStopped(deadline) && ClassArchive.promote(service.jar())) {
                written.add(service.name());
            }
        }
        return written;
    }

    /** Starts a JVM from the service's trained archive as the runner will, and fails if it cannot map it. */
    private static void checkUsable(ServiceProcess service) throws IOException, InterruptedException {
        Path jar = service.jar();
        if (!Files.isRegularFile(jar.resolveSibling(ClassArchive.TRAINED))) {
            return;
        }
        List<String> command = new ArrayList<>(List.of(ServiceProcess.javaExecutable()));
        command.addAll(LocalShopOptions.DEFAULT_JVM_OPTIONS);
        command.addAll(ClassArchive.USE.jvmOptions(jar));
        // -Xshare:on fails instead of starting without the archive; the class path as a service's -jar has it
        command.addAll(List.of("-Xshare:on", "-cp", jar.getFileName().toString(), "-version"));
        Process check = new ProcessBuilder(command).directory(jar.getParent().toFile()).redirectErrorStream(true).start();
        String output = new String(check.getInputStream().readAllBytes());
        if (!check.waitFor(30, TimeUnit.SECONDS) || check.exitValue() != 0) {
            ClassArchive.discardTrained(jar);
            throw new IOException(service.name() + " cannot start from its trained archive: " + output.strip());
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
