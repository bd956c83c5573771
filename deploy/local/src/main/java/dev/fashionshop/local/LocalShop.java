package dev.fashionshop.local;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import dev.fashionshop.local.gateway.Gateway;
import dev.fashionshop.local.gateway.RouteTable;
import dev.fashionshop.local.identity.LocalIdentity;
import dev.fashionshop.local.identity.TokenEndpoint;
import dev.fashionshop.local.infra.LocalKafka;
import dev.fashionshop.local.infra.LocalPostgres;
import dev.fashionshop.local.services.Health;
import dev.fashionshop.local.services.InstancePicker;
import dev.fashionshop.local.services.ServiceProcess;
import dev.fashionshop.local.services.ServiceSpec;
import dev.fashionshop.local.services.ServicesEndpoint;
import io.vertx.core.Vertx;

/**
 * The whole shop on one machine: PostgreSQL and Kafka with their data in the data directory, the
 * five services as supervised child processes, and the gateway in front of them. Closing it stops
 * everything it started, children included.
 */
public final class LocalShop implements AutoCloseable {

    private static final Duration SUPERVISION_INTERVAL = Duration.ofSeconds(1);
    private static final Duration SERVICE_STOP_GRACE = Duration.ofSeconds(20);

    private final LocalShopOptions options;
    private final List<ServiceProcess> services = new ArrayList<>();
    private LocalPostgres postgres;
    private LocalKafka kafka;
    private LocalIdentity identity;
    private Vertx vertx;
    private Gateway gateway;
    private ScheduledExecutorService supervisor;
    private int gatewayPort;
    private int postgresPort;
    private int kafkaPort;
    private int kafkaControllerPort;
    private volatile boolean closed;

    private LocalShop(LocalShopOptions options) {
        this.options = options;
    }

    /**
     * Starts PostgreSQL, Kafka and the token endpoint only, on their configured ports: for running one
     * service in dev mode.
     */
    public static LocalShop startInfrastructure(LocalShopOptions options) throws Exception {
        LocalShop shop = new LocalShop(options);
        try {
            shop.startInfrastructure();
            shop.startGateway();
        } catch (Exception e) {
            shop.close();
            throw e;
        }
        return shop;
    }

    /** Starts everything and returns once the gateway listens; the services may still be starting. */
    public static LocalShop start(LocalShopOptions options) throws Exception {
        LocalShop shop = new LocalShop(options);
        try {
            shop.startInfrastructure();
            shop.startServices();
            shop.startGateway();
        } catch (Exception e) {
            shop.close();
            throw e;
        }
        return shop;
    }

    private void startInfrastructure() throws Exception {
        Path data = options.dataDirectory();
        postgresPort = portOrFree(options.postgresPort());
        kafkaPort = portOrFree(options.kafkaPort());
        kafkaControllerPort = freePort();
        postgres = LocalPostgres.start(data.resolve("postgres"), postgresPort, ServiceSpec.databases());
        kafka = LocalKafka.start(data.resolve("kafka"), kafkaPort, kafkaControllerPort);
        identity = LocalIdentity.in(data.resolve("jwt"));
    }

    /**
     * Stops PostgreSQL, keeps it down for a while, and starts it again on the same data and port: what
     * a database failover or restart looks like to the services.
     */
    public synchronized void restartPostgres(Duration down) throws Exception {
        postgres.close();
        TimeUnit.MILLISECONDS.sleep(down.toMillis());
        postgres = LocalPostgres.start(options.dataDirectory().resolve("postgres"), postgresPort, ServiceSpec.databases());
    }

    /** The same for the Kafka broker. */
    public synchronized void restartKafka(Duration down) throws Exception {
        kafka.close();
        TimeUnit.MILLISECONDS.sleep(down.toMillis());
        kafka = LocalKafka.start(options.dataDirectory().resolve("kafka"), kafkaPort, kafkaControllerPort);
    }

    private void startServices() throws IOException {
        int paymentPort = freePort();
        for (ServiceSpec spec : ServiceSpec.SHOP) {
            int instances = spec == ServiceSpec.PAYMENT ? 1 : options.instancesOf(spec.name());
            for (int instance = 1; instance <= instances; instance++) {
                int port = spec == ServiceSpec.PAYMENT ? paymentPort : freePort();
                Map<String, String> env = new HashMap<>(identity.serviceEnvironment());
                env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
                env.put("DB_HOST", "localhost");
                env.put("DB_PORT", String.valueOf(postgres.port()));
                env.put("DB_NAME", spec.database());
                env.put("DB_USER", spec.database());
                env.put("DB_PASSWORD", spec.database());
                env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
                env.put("QUARKUS_REST_CLIENT_PAYMENT_SERVICE_URL", "http://localhost:" + paymentPort);
                String log = instance == 1 ? spec.name() + ".log" : spec.name() + "-" + instance + ".log";
                ServiceProcess service = new ServiceProcess(spec, port, spec.runnableJar(options.projectDirectory()),
                        logsDirectory().resolve(log), env, options.serviceJvmOptions());
                service.start();
                services.add(service);
            }
        }
        supervisor = Executors.newScheduledThreadPool(services.size(), runnable -> {
            Thread thread = new Thread(runnable, "supervisor");
            thread.setDaemon(true);
            return thread;
        });
        for (ServiceProcess service : services) {
            supervisor.scheduleWithFixedDelay(service::supervise, SUPERVISION_INTERVAL.toMillis(),
                    SUPERVISION_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void startGateway() throws Exception {
        vertx = Vertx.vertx();
        RouteTable<Gateway.Upstream> routes = gatewayRoutes(spec -> new Gateway.Upstream(spec.name(),
                new InstancePicker(services.stream().filter(service -> service.spec() == spec).toList())::nextPort));
        gateway = new Gateway(vertx, routes)
                .local("/api/auth/token", new TokenEndpoint(identity))
                .local(ServicesEndpoint.PATH, new ServicesEndpoint(vertx, services, SERVICE_STOP_GRACE))
                .local(InfrastructureEndpoint.PATH, new InfrastructureEndpoint(vertx, this));
        gatewayPort = gateway.listen(options.gatewayPort()).toCompletionStage().toCompletableFuture().get();
    }

    /** The gateway's routes: each service's paths to that service; a service without paths is not exposed. */
    static <T> RouteTable<T> gatewayRoutes(Function<ServiceSpec, T> upstream) {
        RouteTable<T> routes = new RouteTable<>();
        for (ServiceSpec spec : ServiceSpec.SHOP) {
            spec.gatewayPaths().forEach(path -> routes.add(path, upstream.apply(spec)));
        }
        return routes;
    }

    /** Waits until every service is ready. */
    public void awaitReady(Duration timeout) throws TimeoutException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (!services.stream().allMatch(s -> s.health() == Health.UP)) {
            if (Instant.now().isAfter(deadline)) {
                throw new TimeoutException("Not ready after " + timeout.toSeconds() + " s: " + notReady()
                        + "; see the logs in " + logsDirectory());
            }
            TimeUnit.MILLISECONDS.sleep(250);
        }
    }

    private List<String> notReady() {
        return services.stream().filter(s -> s.health() != Health.UP).map(s -> s.name() + " " + s.health()).toList();
    }

    public List<ServiceProcess> services() {
        return List.copyOf(services);
    }

    public String gatewayUrl() {
        return "http://localhost:" + gatewayPort;
    }

    public int postgresPort() {
        return postgres.port();
    }

    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    public Path logsDirectory() {
        return options.dataDirectory().resolve("logs");
    }

    /** Stops the gateway, then the services (gracefully), then Kafka and PostgreSQL. Safe to call twice. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (supervisor != null) {
            supervisor.shutdownNow();
        }
        if (gateway != null) {
            gateway.close();
        }
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
        services.parallelStream().forEach(service -> service.stop(SERVICE_STOP_GRACE));
        if (kafka != null) {
            kafka.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    private static int portOrFree(int port) throws IOException {
        return port == 0 ? freePort() : port;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }
}
