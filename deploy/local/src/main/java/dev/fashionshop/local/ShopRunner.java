package dev.fashionshop.local;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

import dev.fashionshop.local.audit.AuditCommand;
import dev.fashionshop.local.demo.DemoCatalogue;
import dev.fashionshop.local.identity.LocalIdentity;
import dev.fashionshop.local.services.ClassArchive;
import dev.fashionshop.local.services.ServiceProcess;
import dev.fashionshop.local.training.TrainCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The command that runs the shop on one machine. */
@Command(name = "shop-local", mixinStandardHelpOptions = true, sortOptions = false, subcommands = { AuditCommand.class, TrainCommand.class },
        description = "Runs the whole fashion shop on this machine, without Docker: an embedded PostgreSQL, "
                + "a Kafka KRaft broker, the five services (restarted when they die) and the gateway. "
                + "Ctrl-C stops everything.")
public final class ShopRunner implements Callable<Integer> {

    /** Written into a data directory the runner created, so that --fresh never wipes anything else. */
    static final String DATA_MARKER = ".fashion-shop-data";

    @Option(names = "--port", description = "Gateway port (default: ${DEFAULT-VALUE}).")
    int port = LocalShopOptions.DEFAULT_GATEWAY_PORT;

    @Option(names = "--data-dir", description = "Where databases, Kafka's log and service logs are kept (default: ${DEFAULT-VALUE}).")
    Path dataDirectory = Path.of(System.getProperty("user.home"), ".fashion-shop");

    @Option(names = "--fresh", description = "Wipe the data directory first: start with empty databases and topics.")
    boolean fresh;

    @Option(names = "--infra-only", description = "Start only PostgreSQL and Kafka, on their fixed ports, to run a service with quarkus:dev.")
    boolean infraOnly;

    @Option(names = "--pg-port", description = "PostgreSQL port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int postgresPort = LocalShopOptions.DEFAULT_POSTGRES_PORT;

    @Option(names = "--kafka-port", description = "Kafka port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int kafkaPort = LocalShopOptions.DEFAULT_KAFKA_PORT;

    @Option(names = "--project-dir", description = "The project checkout holding the built services (default: found from this jar).")
    Path projectDirectory;

    @Option(names = "--instances", split = ",", paramLabel = "SERVICE=N",
            description = "Run more than one instance of a service behind the gateway, e.g. order-service=2.")
    Map<String, Integer> instances = new HashMap<>();

    @Option(names = "--service-jvm-option", paramLabel = "OPTION",
            description = "One more JVM option for every service, e.g. -XX:StartFlightRecording to profile them (repeatable).")
    List<String> serviceJvmOptions = new ArrayList<>();

    @Option(names = "--fault-links", description = "Put links that /local/infrastructure can slow, stall or pause "
            + "between the services and Kafka, and between order-service and payment-service: for fault tests.")
    boolean faultLinks;

    @Option(names = "--no-demo-catalogue", description = "Do not register the demo catalogue in a new data directory.")
    boolean noDemoCatalogue;

    @Option(names = "--startup-timeout", description = "Seconds to wait for every service to be ready (default: ${DEFAULT-VALUE}).")
    int startupTimeoutSeconds = 300;

    public static void main(String[] args) {
        System.exit(new CommandLine(new ShopRunner()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        dataDirectory = dataDirectory.toAbsolutePath().normalize();
        checkFreshIsAllowed();
        Files.createDirectories(dataDirectory);
        try (DataDirectoryLock lock = DataDirectoryLock.acquire(dataDirectory)) {
            return run();
        } catch (DataDirectoryLock.InUseException e) {
            System.err.println(e.getMessage());
            return 1;
        }
    }

    private List<String> serviceJvmOptions() {
        List<String> jvmOptions = new ArrayList<>(LocalShopOptions.DEFAULT_JVM_OPTIONS);
        jvmOptions.addAll(serviceJvmOptions);
        return jvmOptions;
    }

    /** Runs the shop on the data directory, which this runner has locked, until the JVM is asked to stop. */
    private int run() throws Exception {
        List<String> leftovers = Leftovers.stop(dataDirectory);
        if (!leftovers.isEmpty()) {
            System.out.println("Stopped what a previous run left running on " + dataDirectory + ": " + String.join(", ", leftovers));
        }
        prepareDataDirectory();
        Watchdog.start(dataDirectory, dataDirectory.resolve("logs").resolve("watchdog.log"));
        LocalShopOptions options = new LocalShopOptions(dataDirectory, projectDirectory(), port, postgresPort,
                kafkaPort, serviceJvmOptions(), instances, ClassArchive.USE, faultLinks);
        System.out.println("Data directory: " + dataDirectory);
        LocalShop shop = new LocalShop(options);
        CountDownLatch stopped = new CountDownLatch(1);
        // before anything starts: Ctrl-C during the start stops what was started
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            shop.beginStop();
            System.out.println("Stopping the shop...");
            long begin = System.nanoTime();
            shop.close();
            System.out.printf("Stopped in %.1f s%n", (System.nanoTime() - begin) / 1e9);
            stopped.countDown();
        }, "shop-shutdown"));
        if (infraOnly) {
            shop.startInfrastructureOnly();
        } else {
            shop.start();
        }
        printInfrastructure(shop);
        if (infraOnly) {
            printUsers(shop);
            System.out.println("Infrastructure ready. Run a service with: ./mvnw -pl order-service -am quarkus:dev");
        } else {
            shop.awaitReady(Duration.ofSeconds(startupTimeoutSeconds));
            if (!noDemoCatalogue) {
                registerDemoCatalogue(shop);
            }
            printServices(shop);
        }
        stopped.await();
        return 0;
    }

    /** A new data directory gets the demo catalogue; a failure to register it is reported, the shop runs on. */
    private void registerDemoCatalogue(LocalShop shop) throws InterruptedException {
        try {
            int registered = new DemoCatalogue(shop.gatewayUrl()).registerOnce(dataDirectory);
            if (registered > 0) {
                System.out.printf("Registered the demo catalogue: %d items (--no-demo-catalogue to start empty)%n", registered);
            }
        } catch (IOException e) {
            System.out.println("Could not register the demo catalogue: " + e.getMessage());
        }
    }

    /** --fresh wipes only a directory the runner created (or an empty one). */
    private void checkFreshIsAllowed() throws IOException {
        if (fresh && Files.isDirectory(dataDirectory) && !Files.exists(dataDirectory.resolve(DATA_MARKER)) && !isEmpty(dataDirectory)) {
            throw new IOException(dataDirectory + " was not created by the shop; refusing to wipe it");
        }
    }

    private void prepareDataDirectory() throws IOException {
        if (fresh) {
            Path lock = dataDirectory.resolve(DataDirectoryLock.FILE);
            try (Stream<Path> paths = Files.walk(dataDirectory)) {
                // the lock file stays: deleted, it would let a second runner lock a new one
                paths.sorted(Comparator.reverseOrder())
                        .filter(path -> !path.equals(dataDirectory) && !path.equals(lock))
                        .forEach(path -> path.toFile().delete());
            }
        }
        if (!Files.exists(dataDirectory.resolve(DATA_MARKER))) {
            Files.writeString(dataDirectory.resolve(DATA_MARKER), "Data of the fashion shop's local runner.\n");
        }
        // third-party logs (Kafka, PostgreSQL) go to a file, the console stays readable
        Path logs = Files.createDirectories(dataDirectory.resolve("logs"));
        System.setProperty("org.slf4j.simpleLogger.logFile", logs.resolve("infrastructure.log").toString());
    }

    /** Empty, or holding only the lock of a runner that stopped before it wrote anything else. */
    private static boolean isEmpty(Path directory) throws IOException {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.allMatch(entry -> entry.getFileName().toString().equals(DataDirectoryLock.FILE));
        }
    }

    private Path projectDirectory() throws URISyntaxException {
        if (projectDirectory != null) {
            return projectDirectory.toAbsolutePath().normalize();
        }
        // deploy/local/target/shop-local.jar (or target/classes) -> the project root, four levels up
        Path location = Path.of(ShopRunner.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        return location.getParent().getParent().getParent().getParent();
    }

    private static void printInfrastructure(LocalShop shop) {
        System.out.printf("%nPostgreSQL  localhost:%d  (a database and user per service, e.g. order_service/order_service)%n",
                shop.postgresPort());
        System.out.printf("Kafka       %s%n", shop.kafkaBootstrapServers());
    }

    private static void printUsers(LocalShop shop) {
        System.out.printf("Tokens:    POST %s/api/auth/token {\"username\", \"password\"} for the demo users:%n",
                shop.gatewayUrl());
        for (LocalIdentity.User user : LocalIdentity.DEMO_USERS) {
            System.out.printf("           %s/%s (%s)%n", user.name(), user.password(), String.join(", ", user.groups()));
        }
    }

    private static void printServices(LocalShop shop) {
        System.out.printf("%n%-20s %-24s %-8s %s%n", "SERVICE", "URL", "PID", "LOG");
        for (ServiceProcess service : shop.services()) {
            System.out.printf("%-20s %-24s %-8d %s%n", service.name(), service.url(), service.pid(), service.logFile());
        }
        System.out.printf("%nServices:  %s/local/services%n", shop.gatewayUrl());
        printUsers(shop);
        System.out.printf("Shop ready at %s%n", shop.gatewayUrl());
    }
}
