package dev.fashionshop.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import dev.fashionshop.local.metrics.ServiceMetrics;
import dev.fashionshop.local.services.ServiceSpec;

/**
 * What an operator reads at each service's /q/metrics moves when its event happens in the whole shop:
 * orders by outcome, the saga's stage latencies, the outbox, dead-lettered events, the payment circuit
 * breaker and the fallback's reasons, next to what Quarkus measures itself (HTTP, Kafka consumers).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@AuditedJourneys
class ShopMetricsTest {

    private static final String BREAKER_STATE = "ft_circuitbreaker_state_current";
    /** The figures of the services (Micrometer's names): the shop's own, fault tolerance's, the HTTP server's, Kafka's. */
    private static final Pattern SERVICE_METRIC = Pattern.compile("\\b(?:shop|ft|http_server|kafka_consumer)_[a-z_]+");
    private static final Path MONITORING = Path.of("../kubernetes/monitoring");

    private ShopApi shop;

    @BeforeAll
    void connect(ShopApi shop) {
        this.shop = shop;
    }

    @Test
    @Order(1)
    void aDeliveredOrderMovesItsOutcomeEachStageAndTheOutbox() {
        String sku = "METRIC-" + UUID.randomUUID();
        String itemId = shop.registerItem(sku, 5, 3000);
        shop.awaitCatalogued(itemId, sku);
        ServiceMetrics orderBefore = shop.metrics("order-service");
        ServiceMetrics storeBefore = shop.metrics("store-service");
        ServiceMetrics deliveryBefore = shop.metrics("delivery-service");

        String orderId = shop.paidOrder("alice", itemId, sku, 1);
        shop.order("bob", itemId, sku, 1, "tok_declined").then().statusCode(402);
        shop.completeDelivery(shop.accept(orderId));
        shop.awaitOrder("alice", orderId, "DELIVERED");

        Awaitility.await("the delivered order in the metrics").atMost(ShopApi.SAGA_STEP).untilAsserted(() -> {
            ServiceMetrics order = shop.metrics("order-service");
            assertThat(moved(orderBefore, order, "shop_orders_total", "outcome", "paid")).isEqualTo(1);
            assertThat(moved(orderBefore, order, "shop_orders_total", "outcome", "declined")).isEqualTo(1);
            assertThat(moved(orderBefore, order, "shop_orders_total", "outcome", "delivered")).isEqualTo(1);
            assertThat(moved(orderBefore, order, "shop_outbox_published_total", "event", "OrderPlaced")).isEqualTo(1);
            assertThat(moved(orderBefore, order, "http_server_requests_seconds_count", "uri", "/api/orders", "method", "POST"))
                    .isEqualTo(2);
            ServiceMetrics store = shop.metrics("store-service");
            assertThat(moved(storeBefore, store, "shop_saga_stage_seconds_count", "stage", "paid_to_received")).isEqualTo(1);
            assertThat(moved(storeBefore, store, "shop_saga_stage_seconds_count", "stage", "received_to_accepted")).isEqualTo(1);
            assertThat(moved(storeBefore, store, "shop_outbox_published_total", "event", "StoreAccepted")).isEqualTo(1);
            ServiceMetrics delivery = shop.metrics("delivery-service");
            assertThat(moved(deliveryBefore, delivery, "shop_saga_stage_seconds_count", "stage", "accepted_to_delivered"))
                    .isEqualTo(1);
        });
        ServiceMetrics store = shop.metrics("store-service");
        assertThat(store.sum("shop_saga_stage_seconds_bucket", "stage", "paid_to_received", "le", "+Inf"))
                .isEqualTo(store.sum("shop_saga_stage_seconds_count", "stage", "paid_to_received"));
        assertThat(store.has("kafka_consumer_fetch_manager_records_lag_max")).as("the consumer's lag").isTrue();
        // the backlog is measured at each poll of the relay (every 5 s): it may still show the last event a while
        Awaitility.await("nothing waiting in order-service's outbox").atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(shop.metrics("order-service").sum("shop_outbox_backlog")).isZero());
    }

    @Test
    @Order(2)
    void aCancellationCountsItsRefundAndHowLongItTook() {
        String sku = "METRIC-" + UUID.randomUUID();
        String itemId = shop.registerItem(sku, 5, 3000);
        String orderId = shop.paidOrder("bob", itemId, sku, 1);
        shop.awaitStoreOrder(orderId, "RECEIVED");
        ServiceMetrics before = shop.metrics("order-service");

        shop.cancelAndConfirm("bob", orderId);
        shop.awaitOrder("bob", orderId, "CANCELLED");

        ServiceMetrics after = shop.metrics("order-service");
        assertThat(moved(before, after, "shop_orders_total", "outcome", "cancelled")).isEqualTo(1);
        assertThat(moved(before, after, "shop_saga_stage_seconds_count", "stage", "cancel_requested_to_refunded")).isEqualTo(1);
        assertThat(after.sum("shop_saga_stage_seconds_sum", "stage", "cancel_requested_to_refunded")).isPositive();
    }

    @Test
    @Order(3)
    void aPoisonEventIsCountedByEveryConsumerThatDeadLettersIt() throws Exception {
        ServiceMetrics storeBefore = shop.metrics("store-service");
        ServiceMetrics viewBefore = shop.metrics("order-view-service");

        // no CloudEvent headers: every consumer of the topic sends it to orders-dlq and carries on
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, shop.kafkaBootstrapServers, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("orders", UUID.randomUUID().toString(), "{\"not\": \"an event\"}")).get();
        }

        Awaitility.await("the poison event counted").atMost(ShopApi.SAGA_STEP).untilAsserted(() -> {
            assertThat(moved(storeBefore, shop.metrics("store-service"), "shop_events_dead_lettered_total", "topic", "orders"))
                    .isEqualTo(1);
            assertThat(moved(viewBefore, shop.metrics("order-view-service"), "shop_events_dead_lettered_total", "topic",
                    "orders")).isEqualTo(1);
        });
    }

    @Test
    @Order(4)
    void anOpenBreakerAndTheReasonsOfTheDeferralsShow() {
        String sku = "METRIC-" + UUID.randomUUID();
        String itemId = shop.registerItem(sku, 50, 1000);
        shop.awaitCatalogued(itemId, sku);
        List<String> instances = shop.instanceUrls("order-service");
        ServiceMetrics before = shop.metrics("order-service");
        assertThat(before.sum(BREAKER_STATE, "state", "closed")).isEqualTo(instances.size());

        shop.paymentSimulator(0, 1.0);
        try {
            // each instance has its breaker; the gateway spreads the orders over them
            Awaitility.await("every breaker open").atMost(Duration.ofMinutes(1)).pollInterval(Duration.ZERO).until(() -> {
                shop.order("alice", itemId, sku, 1, null).then().statusCode(503);
                return instances.stream().allMatch(instance -> "OPEN".equals(breakerState(instance)));
            });
            shop.order("alice", itemId, sku, 1, null).then().statusCode(503);

            ServiceMetrics open = shop.metrics("order-service");
            assertThat(open.sum(BREAKER_STATE, "state", "open")).isEqualTo(instances.size());
            assertThat(moved(before, open, "ft_circuitbreaker_opened_total")).isEqualTo(instances.size());
            assertThat(moved(before, open, "shop_payment_deferrals_total", "reason", "failure")).isPositive();
            assertThat(moved(before, open, "shop_payment_deferrals_total", "reason", "circuit_open")).isPositive();
            assertThat(moved(before, open, "shop_orders_total", "outcome", "deferred"))
                    .isEqualTo(moved(before, open, "shop_payment_deferrals_total"));
        } finally {
            shop.paymentSimulator(0, 0);
            closeTheBreakers(instances, itemId, sku);
        }
        assertThat(shop.metrics("order-service").sum(BREAKER_STATE, "state", "closed")).isEqualTo(instances.size());
    }

    /** After the tests above, every figure the Kubernetes dashboard and alerts read exists in some service. */
    @Test
    @Order(5)
    void everyFigureOfTheDashboardAndTheAlertsIsOneAServiceExposes() throws Exception {
        Set<String> read = new TreeSet<>();
        for (String file : new String[] { "shop-dashboard.json", "prometheus-rules.yaml" }) {
            Matcher name = SERVICE_METRIC.matcher(Files.readString(MONITORING.resolve(file)));
            while (name.find()) {
                read.add(name.group());
            }
        }
        assertThat(read).contains("shop_orders_total", "shop_saga_stage_seconds_bucket", "shop_outbox_backlog");

        Set<String> missing = new TreeSet<>(read);
        ServiceSpec.SHOP.forEach(service -> {
            ServiceMetrics scraped = shop.metrics(service.name());
            missing.removeIf(scraped::has);
        });
        assertThat(missing).as("read by the dashboard or an alert, exposed by no service").isEmpty();
    }

    /** Once open, a breaker lets trial calls through after its delay; two paid ones close it. */
    private void closeTheBreakers(List<String> instances, String itemId, String sku) {
        Awaitility.await("every breaker closed").atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            if (instances.stream().noneMatch(instance -> "OPEN".equals(breakerState(instance)))) {
                shop.order("alice", itemId, sku, 1, null);
            }
            return instances.stream().allMatch(instance -> "CLOSED".equals(breakerState(instance)));
        });
    }

    private String breakerState(String instance) {
        return shop.as("operator").get(instance + "/admin/circuit-breakers")
                .then().statusCode(200).body("[0].name", is("payment-service")).extract().path("[0].state");
    }

    private static double moved(ServiceMetrics before, ServiceMetrics after, String name, String... labels) {
        return after.sum(name, labels) - before.sum(name, labels);
    }
}
