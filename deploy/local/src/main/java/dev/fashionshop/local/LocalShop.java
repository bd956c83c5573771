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
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

import dev.fashionshop.local.gateway.Gateway;
import dev.fashionshop.local.gateway.RouteTable;
import dev.fashionshop.local.identity.LocalIdentity;
import dev.fashionshop.local.identity.TokenEndpoint;
import dev.fashionshop.local.infra.FaultyLink;
import dev.fashionshop.local.infra.LocalKafka;
import dev.fashionshop.local.infra.LocalPostgres;
import dev.fashionshop.local.metrics.MetricsEndpoint;
import dev.fashionshop.local.services.AdminEndpoint;
import dev.fashionshop.local.services.ApiDocsEndpoint;
import dev.fashionshop.local.services.Health;
import dev.fashionshop.local.services.InstancePicker;
import dev.fashionshop.local.services.ServiceProcess;
import dev.fashionshop.local.services.ServiceSpec;
import dev.fashionshop.local.services.ServicesEndpoint;
import dev.fashionshop.local.traces.GatewayTracing;
import dev.fashionshop.local.traces.TraceStore;
import dev.fashionshop.local.traces.TracesEndpoint;
import io.vertx.core.Vertx;

/**
 * The whole shop on one machine: PostgreSQL and Kafka with their data in the data directory, the
 * five services as supervised child processes, and the gateway in front of them. Closing it stops
 * everything it started, children included.
 */
public final class LocalShop implements AutoCloseable {

    private static final Duration SUPERVISION_INTERVAL = Duration.ofSeconds(1);
    private static final Duration READY_POLL = Duration.ofMillis(250);
    /** For one service stopped through /local/services: as long as its in-flight requests may take. */
    private static final Duration SERVICE_STOP_GRACE = Duration.ofSeconds(20);
    /** For every service when the whole shop stops, behind a closed gateway: a quiet service stops in about 4 s. */
    private static final Duration SHOP_STOP_GRACE = Duration.ofSeconds(6);
    /**
     * How the local run's services shut down, unless the environment says otherwise. The readiness delay
     * only has to cover the runner noticing (its readiness probe runs every second), not a cluster's
     * endpoint propagation; and a consumer does not wait for records in flight, which are redelivered and
     * skipped by the inbox. A quiet service stops in about 4 s instead of 15 to 20.
     */
    static final Map<String, String> SERVICE_SHUTDOWN = Map.of(
            "QUARKUS_SHUTDOWN_DELAY", "3s",
            "MP_MESSAGING_CONNECTOR_SMALLRYE_KAFKA_GRACEFUL_SHUTDOWN", "false");

    private final LocalShopOptions options;
    private final List<ServiceProcess> services = new CopyOnWriteArrayList<>();
    private LocalPostgres postgres;
    private LocalKafka kafka;
    private LocalIdentity identity;
    private Vertx vertx;
    private Gateway gateway;
    private final TraceStore traces = new TraceStore();
    private final GatewayTracing gatewayTracing = new GatewayTracing(traces);
    private ScheduledExecutorService supervisor;
    private int gatewayPort;
    private int postgresPort;
    /** Where the services reach the broker: its own port, or with fault links that of the link in front of it. */
    private int kafkaPort;
    private int kafkaBrokerPort;
    private int kafkaControllerPort;
    /** With {@link LocalShopOptions#faultLinks()}: before the broker, and before payment-service for order-service. */
    private final Map<String, FaultyLink> links = new ConcurrentHashMap<>();
    private volatile boolean closed;
    /** Counted down when the shop starts stopping: what waits (a restart's pause) stops waiting. */
    private final CountDownLatch stopping = new CountDownLatch(1);
    /** One restart of PostgreSQL or Kafka at a time; not the lock close() takes, so a stop never waits for a pause. */
    private final Object restarting = new Object();

    /** A shop that starts nothing yet: {@link #close()} may be called from a shutdown hook while it starts. */
    public LocalShop(LocalShopOptions options) {
        this.options = options;
    }

    /**
     * Starts PostgreSQL, Kafka and the token endpoint only, on their configured ports: for running one
     * service in dev mode.
     */
    public void startInfrastructureOnly() throws Exception {
        startInOrder(this::startInfrastructure, this::startGateway);
    }

    /** Starts everything and returns once the gateway listens; the services may still be starting. */
    public void start() throws Exception {
        startInOrder(this::startInfrastructure, this::startServices, this::startGateway);
    }

    private interface Step {
        void run() throws Exception;
    }

    /** Runs the steps in turn; if one fails, or the shop is stopped meanwhile, stops what was started. */
    private void startInOrder(Step... steps) throws Exception {
        try {
            for (Step step : steps) {
                unlessStopping(step);
            }
        } catch (Exception e) {
            close();
            throw e;
        }
    }

    /**
     * Runs a step under the lock that {@link #close()} takes: a stop that comes meanwhile waits for the
     * step under way, then stops what was started; nothing starts after it.
     */
    private synchronized void unlessStopping(Step step) throws Exception {
        if (closed) {
            throw new IllegalStateException("The shop is stopping");
        }
        step.run();
    }

    private void startInfrastructure() throws Exception {
        Path data = options.dataDirectory();
        // chosen now: the services are told where to send their spans (the gateway's OTLP endpoint) as they start
        gatewayPort = portOrFree(options.gatewayPort());
        postgresPort = portOrFree(options.postgresPort());
        kafkaPort = portOrFree(options.kafkaPort());
        kafkaBrokerPort = options.faultLinks() ? freePort() : kafkaPort;
        kafkaControllerPort = freePort();
        vertx = Vertx.vertx();
        postgres = LocalPostgres.start(data.resolve("postgres"), postgresLog(), postgresPort, ServiceSpec.databases());
        if (options.faultLinks()) {
            // open before the broker starts: the broker's first clients, the runner's own, are sent to the link
            links.put("kafka", FaultyLink.open(vertx, "kafka", kafkaPort, kafkaBrokerPort));
        }
        kafka = startKafka();
        if (!kafka.formattedNow()) {
            kafka.deleteGroupsOfOneTopic(ServiceSpec.SHOP.stream().map(ServiceSpec::name).toList());
        }
        identity = LocalIdentity.in(data.resolve("jwt"));
    }

    /**
     * Stops PostgreSQL, keeps it down for a while, and starts it again on the same data and port: what
     * a database failover or restart looks like to the services.
     */
    public void restartPostgres(Duration down) throws Exception {
        synchronized (restarting) {
            unlessStopping(() -> {
                if (postgres != null) {
                    postgres.close();
                    postgres = null;
                }
            });
            pause(down);
            unlessStopping(() -> postgres = LocalPostgres.start(options.dataDirectory().resolve("postgres"), postgresLog(),
                    postgresPort, ServiceSpec.databases()));
        }
    }

    /** The same for the Kafka broker. */
    public void restartKafka(Duration down) throws Exception {
        synchronized (restarting) {
            unlessStopping(() -> {
                if (kafka != null) {
                    kafka.close();
                    kafka = null;
                }
            });
            pause(down);
            unlessStopping(() -> kafka = startKafka());
        }
    }

    private LocalKafka startKafka() throws Exception {
        return LocalKafka.start(options.dataDirectory().resolve("kafka"), kafkaBrokerPort, kafkaPort, kafkaControllerPort);
    }

    /** The fault link of that name ("kafka" or "payment-service"), if the shop runs with fault links. */
    public Optional<FaultyLink> link(String name) {
        return Optional.ofNullable(links.get(name));
    }

    /** Every fault link; none unless the shop runs with fault links. */
    public List<FaultyLink> links() {
        return List.copyOf(links.values());
    }

    /** Waits, unless the shop starts stopping meanwhile. */
    private void pause(Duration down) throws InterruptedException {
        stopping.await(down.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void startServices() throws Exception {
        int paymentPort = freePort();
        int paymentCallPort = paymentPort;
        if (options.faultLinks()) {
            FaultyLink paymentLink = FaultyLink.open(vertx, ServiceSpec.PAYMENT.name(), 0, paymentPort);
            links.put(paymentLink.name(), paymentLink);
            paymentCallPort = paymentLink.port();
        }
        List<String> jvmOptions = new ArrayList<>(options.serviceJvmOptions());
        // found by the watchdog, and by the next runner, should this one die without stopping them
        jvmOptions.add(Leftovers.marker(options.dataDirectory()));
        for (ServiceSpec spec : ServiceSpec.SHOP) {
            int instances = spec == ServiceSpec.PAYMENT ? 1 : options.instancesOf(spec.name());
            for (int instance = 1; instance <= instances; instance++) {
                int port = spec == ServiceSpec.PAYMENT ? paymentPort : freePort();
                Map<String, String> env = new HashMap<>(identity.serviceEnvironment());
                SERVICE_SHUTDOWN.forEach((name, value) -> {
                    if (System.getenv(name) == null) {
                        env.put(name, value);
                    }
                });
                env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
                env.put("DB_HOST", "localhost");
                env.put("DB_PORT", String.valueOf(postgres.port()));
                env.put("DB_NAME", spec.database());
                env.put("DB_USER", spec.database());
                env.put("DB_PASSWORD", spec.database());
                env.put("KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrapServers());
                env.put("QUARKUS_REST_CLIENT_PAYMENT_SERVICE_URL", "http://localhost:" + paymentCallPort);
                env.put("QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "http://localhost:" + gatewayPort + TracesEndpoint.OTLP);
                // the log files are read by people: text lines, with their trace and span ids
                env.put("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false");
                String log = instance == 1 ? spec.name() + ".log" : spec.name() + "-" + instance + ".log";
                ServiceProcess service = new ServiceProcess(spec, port, spec.runnableJar(options.projectDirectory()),
                        logsDirectory().resolve(log), env, jvmOptions, options.classArchive());
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
        RouteTable<Gateway.Upstream> routes = gatewayRoutes(spec -> new Gateway.Upstream(spec.name(),
                new InstancePicker(services.stream().filter(service -> service.spec() == spec).toList())::nextPort));
        gateway = new Gateway(vertx, routes, gatewayTracing.tracer())
                .local(new TokenEndpoint(identity))
                .local(new ServicesEndpoint(vertx, services, SERVICE_STOP_GRACE))
                .local(new AdminEndpoint(vertx, services))
                .local(new ApiDocsEndpoint(vertx, services))
                .local(new InfrastructureEndpoint(vertx, this))
                .local(new TracesEndpoint(traces))
                .local(new MetricsEndpoint(vertx, services));
        gatewayPort = gateway.listen(gatewayPort).toCompletionStage().toCompletableFuture().get();
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
    public void awaitReady(Duration timeout) throws TimeoutException {
        try {
            Awaitility.await("every service ready").atMost(timeout).pollInterval(READY_POLL).pollDelay(Duration.ZERO)
                    .pollInSameThread().until(() -> notReady().isEmpty());
        } catch (ConditionTimeoutException notInTime) {
            throw new TimeoutException("Not ready after " + timeout.toSeconds() + " s: " + notReady()
                    + "; see the logs in " + logsDirectory());
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
        return postgresPort;
    }

    public String kafkaBootstrapServers() {
        return "localhost:" + kafkaPort;
    }

    public Path logsDirectory() {
        return options.dataDirectory().resolve("logs");
    }

    private Path postgresLog() {
        return logsDirectory().resolve("postgres.log");
    }

    /**
     * The first thing to do when the shop stops, and it never waits: no service is supervised (nor
     * restarted) any more, and a restart's pause ends.
     */
    public void beginStop() {
        services.forEach(ServiceProcess::stopSupervising);
        stopping.countDown();
    }

    /**
     * Stops the gateway, then every service at once (SIGTERM, SIGKILL for those still running after
     * SHOP_STOP_GRACE), then Kafka and PostgreSQL. Safe to call twice, and during the start.
     */
    @Override
    public void close() {
        beginStop();
        synchronized (this) {
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
            services.forEach(ServiceProcess::requestStop);
            Instant deadline = Instant.now().plus(SHOP_STOP_GRACE);
            services.forEach(service -> service.awaitStopped(deadline));
            // after the services: a link that closed first would leave them talking into nothing as they stop
            links.values().forEach(FaultyLink::close);
            if (vertx != null) {
                vertx.close().toCompletionStage().toCompletableFuture().join();
            }
            if (kafka != null) {
                kafka.close();
            }
            if (postgres != null) {
                postgres.close();
            }
            gatewayTracing.close();
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
