package dev.fashionshop.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import dev.fashionshop.local.services.ServiceSpec;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The runner as a user runs it: the real program, real PostgreSQL and Kafka, the five packaged
 * services. The tests share one run of the shop and go in order: up, routed, self-healing (a crashed
 * service and a stuck one), stopped cleanly by Ctrl-C, started again on the same data, stopped by SIGTERM.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Order(1)
class ShopRunnerTest {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Path dataDirectory;
    private RunnerProcess runner;
    private String gateway;

    @BeforeAll
    void startTheShop() throws IOException {
        dataDirectory = Files.createTempDirectory("shop-data");
        runner = RunnerProcess.start(dataDirectory);
        gateway = runner.awaitReady();
    }

    @AfterAll
    void stopWhateverIsLeft() {
        runner.killIfAlive();
    }

    @Test
    @Order(1)
    void listsEveryServiceUpWithItsUrlAndPid() throws Exception {
        JsonArray services = services();

        assertThat(services).hasSize(ServiceSpec.SHOP.size());
        for (Object entry : services) {
            JsonObject service = (JsonObject) entry;
            assertThat(service.getString("health")).as(service.getString("name")).isEqualTo("UP");
            assertThat(ProcessHandle.of(service.getLong("pid"))).isPresent();
            assertThat(get(service.getString("url") + "/q/health/ready").statusCode()).isEqualTo(200);
        }
        assertThat(services.stream().map(s -> ((JsonObject) s).getString("name")))
                .containsExactlyInAnyOrderElementsOf(ServiceSpec.SHOP.stream().map(ServiceSpec::name).toList());
    }

    @Test
    @Order(1)
    void writesPostgresqlsOwnLogToAFileOfItsOwn() throws Exception {
        assertThat(Files.readString(dataDirectory.resolve("logs").resolve("postgres.log")))
                .contains("database system is ready to accept connections");
    }

    @Test
    @Order(1)
    void registersTheDemoCatalogueInANewDataDirectory() throws Exception {
        assertThat(runner.console()).anyMatch(line -> line.contains("Registered the demo catalogue: 8 items"));
        Awaitility.await("the demo catalogue in the view").atMost(Duration.ofMinutes(1)).untilAsserted(() -> {
            HttpResponse<String> catalogue = get(gateway + "/api/catalog?size=500");
            assertThat(catalogue.headers().firstValue("X-Total-Count")).contains("8");
            assertThat(catalogue.body()).contains("\"Linen shirt\"", "/static/images/demo/linen-shirt.svg");
        });
        assertThat(get(gateway + "/static/images/demo/linen-shirt.svg").statusCode()).isEqualTo(200);
    }

    @Test
    @Order(2)
    void routesARequestToTheServiceOwningItsPathAndNeverToPayments() throws Exception {
        HttpResponse<String> routed = get(gateway + "/api/orders/" + UUID.randomUUID());
        assertThat(routed.headers().firstValue("X-Served-By")).contains("order-service");

        HttpResponse<String> payments = get(gateway + "/payments");
        assertThat(payments.statusCode()).isEqualTo(404);
        assertThat(payments.headers().firstValue("X-Served-By")).isEmpty();
    }

    @Test
    @Order(2)
    void listsTheFiveApisAtOnePlaceOfTheGateway() throws Exception {
        HttpResponse<String> swaggerUi = get(gateway + "/api-docs/index.html");
        assertThat(swaggerUi.statusCode()).isEqualTo(200);
        assertThat(swaggerUi.body()).contains("/openapi/order-service", "/openapi/payment-service",
                "/openapi/store-service", "/openapi/delivery-service", "/openapi/order-view-service");

        Map<String, String> aPathOfEach = Map.of("order-service", "/api/orders", "payment-service", "/payments",
                "store-service", "/api/items", "delivery-service", "/api/deliveries", "order-view-service", "/api/catalog");
        for (var service : aPathOfEach.entrySet()) {
            HttpResponse<String> document = get(gateway + "/openapi/" + service.getKey());
            assertThat(document.statusCode()).as(service.getKey()).isEqualTo(200);
            JsonObject openApi = new JsonObject(document.body());
            assertThat(openApi.getString("openapi")).startsWith("3.");
            assertThat(openApi.getJsonObject("paths").fieldNames()).as(service.getKey()).contains(service.getValue());
        }
        assertThat(get(gateway + "/openapi/no-such-service").statusCode()).isEqualTo(404);
    }

    @Test
    @Order(3)
    void restartsAServiceKilledWithSigkill() throws Exception {
        long pid = service("order-service").getLong("pid");
        ProcessHandle.of(pid).orElseThrow().destroyForcibly();

        Awaitility.await("order-service restarted").atMost(Duration.ofSeconds(30))
                .until(() -> {
                    long current = service("order-service").getLong("pid");
                    return current > 0 && current != pid;
                });
        Awaitility.await("order-service ready again").atMost(Duration.ofMinutes(2))
                .until(() -> "UP".equals(service("order-service").getString("health")));
        assertThat(service("order-service").getInteger("restarts")).isEqualTo(1);
    }

    /**
     * A service that is alive as a process but stuck (SIGSTOP freezes it: it answers nothing) fails its
     * liveness probe; after three failures the runner kills it and starts it again.
     */
    @Test
    @Order(4)
    void restartsAServiceThatIsStuck() throws Exception {
        JsonObject delivery = service("delivery-service");
        long pid = delivery.getLong("pid");
        int restarts = delivery.getInteger("restarts");

        Process stop = new ProcessBuilder("kill", "-STOP", String.valueOf(pid)).start();
        assertThat(stop.waitFor()).isZero();

        Awaitility.await("delivery-service killed and started again").atMost(Duration.ofMinutes(2))
                .until(() -> service("delivery-service").getInteger("restarts") == restarts + 1);
        assertThat(ProcessHandle.of(pid)).isEmpty();
        assertThat(runner.console()).anyMatch(line -> line.contains("delivery-service (pid " + pid + ") failed its liveness probe"));
        Awaitility.await("delivery-service ready again").atMost(Duration.ofMinutes(2))
                .until(() -> "UP".equals(service("delivery-service").getString("health")));
    }

    /**
     * Ctrl-C in the terminal sends SIGINT to the whole process group: the runner and every service at
     * once. The services stopping by themselves are not taken for crashes, and every process of the shop
     * is gone within 10 s. The next start finds the data, and a second runner on the same data directory
     * is refused while the first one runs. SIGTERM or SIGINT to the runner alone stops everything as fast.
     */
    @Test
    @Order(5)
    void stopsEverythingOnCtrlCWithinTenSecondsAndKeepsTheDataForTheNextStart() throws Exception {
        String marker = "marker-" + UUID.randomUUID();
        insertProcessedEvent(runner.postgresPort(), marker);
        publish(runner.kafkaBootstrapServers(), marker);

        assertEverythingStopsWithinTenSeconds(runner::interruptProcessGroup);

        runner = RunnerProcess.start(dataDirectory);
        gateway = runner.awaitReady();
        assertThat(runner.console()).noneMatch(line -> line.contains("Registered the demo catalogue"));
        assertThat(get(gateway + "/api/catalog?q=Linen%20shirt").headers().firstValue("X-Total-Count")).contains("1");
        assertThat(processedEventExists(runner.postgresPort(), marker)).isTrue();
        assertThat(readBack(runner.kafkaBootstrapServers(), marker)).isTrue();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", runner.kafkaBootstrapServers()))) {
            Set<String> topics = admin.listTopics().names().get();
            assertThat(topics).contains("items", "orders", "payments", "store-orders", "deliveries",
                    "items-dlq", "orders-dlq", "payments-dlq", "store-orders-dlq", "deliveries-dlq");
        }

        assertEverythingStopsWithinTenSeconds(() -> runner.handle().destroy());

        // SIGINT to the runner alone (kill -INT <pid>, or Ctrl-C of a runner started apart from its services)
        runner = RunnerProcess.start(dataDirectory);
        gateway = runner.awaitReady();
        assertEverythingStopsWithinTenSeconds(() -> new ProcessBuilder("kill", "-INT", String.valueOf(runner.handle().pid()))
                .inheritIO().start().waitFor());
    }

    private interface Signal {
        void send() throws Exception;
    }

    private void assertEverythingStopsWithinTenSeconds(Signal signal) throws Exception {
        List<ProcessHandle> shop = ShopProcesses.on(dataDirectory);
        // the runner, its watchdog, the five services, PostgreSQL's server and its backends
        assertThat(shop).hasSizeGreaterThan(ServiceSpec.SHOP.size() + 3);
        assertThat(shop).anyMatch(ShopProcesses::isPostgres).anyMatch(ShopProcesses::isWatchdog);
        int consoleBefore = runner.console().size();

        signal.send();

        Awaitility.await("every process of the shop to end").atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> shop.stream().noneMatch(ProcessHandle::isAlive));
        assertThat(ShopProcesses.on(dataDirectory)).isEmpty();
        List<String> duringTheStop = runner.console().subList(consoleBefore, runner.console().size());
        assertThat(duringTheStop).as("what the runner said while stopping")
                .noneMatch(line -> line.contains("restarting in") || line.contains("restarted (pid"))
                .anyMatch(line -> line.startsWith("Stopped in"));
    }

    private JsonArray services() throws Exception {
        return new JsonArray(get(gateway + "/local/services").body());
    }

    private JsonObject service(String name) throws Exception {
        return services().stream().map(JsonObject.class::cast)
                .filter(s -> name.equals(s.getString("name"))).findFirst().orElseThrow();
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static Connection orderDatabase(int port) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/order_service",
                "order_service", "order_service");
    }

    private static void insertProcessedEvent(int port, String id) throws SQLException {
        try (Connection connection = orderDatabase(port); Statement statement = connection.createStatement()) {
            statement.executeUpdate("insert into processed_event values ('" + id + "', 'Marker', 'none', now())");
        }
    }

    private static boolean processedEventExists(int port, String id) throws SQLException {
        try (Connection connection = orderDatabase(port);
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("select 1 from processed_event where event_id = '" + id + "'")) {
            return result.next();
        }
    }

    /** A record on the orders dead-letter topic, which no service consumes. */
    private static void publish(String bootstrapServers, String value) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("orders-dlq", value, value)).get();
        }
    }

    private static boolean readBack(String bootstrapServers, String value) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "runner-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("orders-dlq"));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (value.equals(record.value())) {
                        return true;
                    }
                }
            }
            return false;
        }
    }
}
