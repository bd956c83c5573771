package dev.fashionshop.local.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

class ShopFiguresTest {

    private static final Instant START = Instant.parse("2026-12-03T10:00:00Z");

    private static InstanceMetrics orderService(String instance, String text) {
        return new InstanceMetrics("order-service", instance, new ServiceMetrics(text));
    }

    private static JsonObject line(JsonArray lines, String field, String value) {
        return lines.stream().map(JsonObject.class::cast).filter(l -> value.equals(l.getString(field))).findFirst().orElseThrow();
    }

    @Test
    void ordersAreSummedOverTheInstancesAndTheirRateIsPerMinuteSinceTheReadAMinuteAgo() {
        ShopFigures figures = new ShopFigures();
        JsonObject first = figures.of(List.of(
                orderService("a", "shop_orders_total{outcome=\"paid\"} 10.0\nshop_orders_total{outcome=\"declined\"} 1.0"),
                orderService("b", "shop_orders_total{outcome=\"paid\"} 5.0")), START);
        assertThat(line(first.getJsonArray("orders"), "outcome", "paid").getLong("total")).isEqualTo(15);
        assertThat(line(first.getJsonArray("orders"), "outcome", "paid").containsKey("perMinute")).as("no earlier read").isFalse();

        figures.of(List.of(orderService("a", "shop_orders_total{outcome=\"paid\"} 20.0"),
                orderService("b", "shop_orders_total{outcome=\"paid\"} 5.0")), START.plusSeconds(30));
        JsonObject later = figures.of(List.of(orderService("a", "shop_orders_total{outcome=\"paid\"} 40.0"),
                orderService("b", "shop_orders_total{outcome=\"paid\"} 5.0")), START.plusSeconds(90));

        // from the read at 30 s (the latest a minute old): 20 more orders in 60 s
        assertThat(line(later.getJsonArray("orders"), "outcome", "paid").getDouble("perMinute")).isEqualTo(20.0);
    }

    @Test
    void anInstanceThatRestartedNeverMakesARateNegative() {
        ShopFigures figures = new ShopFigures();
        figures.of(List.of(orderService("a", "shop_orders_total{outcome=\"paid\"} 50.0")), START);
        JsonObject afterRestart = figures.of(List.of(orderService("a", "shop_orders_total{outcome=\"paid\"} 2.0")),
                START.plusSeconds(60));
        assertThat(line(afterRestart.getJsonArray("orders"), "outcome", "paid").getDouble("perMinute")).isZero();
    }

    @Test
    void stagePercentilesComeFromTheBucketsOfEveryInstance() {
        String buckets = """
                shop_saga_stage_seconds_bucket{stage="paid_to_received",le="0.1"} 0.0
                shop_saga_stage_seconds_bucket{stage="paid_to_received",le="1.0"} 40.0 # {span_id="ab",trace_id="cd"} 0.5 1796321636.959
                shop_saga_stage_seconds_bucket{stage="paid_to_received",le="10.0"} 50.0
                shop_saga_stage_seconds_bucket{stage="paid_to_received",le="+Inf"} 50.0
                shop_saga_stage_seconds_count{stage="paid_to_received"} 50.0
                """;
        JsonObject figures = new ShopFigures().of(List.of(new InstanceMetrics("store-service", "a", new ServiceMetrics(buckets)),
                new InstanceMetrics("store-service", "b", new ServiceMetrics(buckets))), START);

        JsonObject stage = line(figures.getJsonArray("stages"), "stage", "paid_to_received");
        assertThat(stage.getLong("count")).isEqualTo(100);
        // 100 in all, 80 under 1 s: the median is at 50/80 of the bucket from 0.1 to 1 s
        assertThat(stage.getDouble("p50Seconds")).isCloseTo(0.1 + 0.9 * 50 / 80, within(0.001));
        // the 95th falls in the bucket from 1 to 10 s: 15 of its 20 orders in
        assertThat(stage.getDouble("p95Seconds")).isCloseTo(1 + 9 * 15.0 / 20, within(0.001));
    }

    @Test
    void theOutboxIsTheLargestReadingOfItsReplicasAndLagAndDeadLettersAreSummed() {
        InstanceMetrics a = orderService("a", """
                shop_outbox_backlog 3.0
                shop_outbox_oldest_age_seconds 4.5
                kafka_consumer_fetch_manager_records_lag{topic="payments",partition="0"} 2.0
                kafka_consumer_fetch_manager_records_lag{topic="items",partition="0"} NaN
                shop_events_dead_lettered_total{topic="payments"} 1.0
                ft_circuitbreaker_state_current{method="pay",state="closed"} 0.0
                ft_circuitbreaker_state_current{method="pay",state="open"} 1.0
                """);
        InstanceMetrics b = orderService("b", """
                shop_outbox_backlog 3.0
                shop_outbox_oldest_age_seconds 4.0
                kafka_consumer_fetch_manager_records_lag{topic="payments",partition="1"} 5.0
                shop_events_dead_lettered_total{topic="payments"} 2.0
                ft_circuitbreaker_state_current{method="pay",state="closed"} 1.0
                """);

        JsonObject figures = new ShopFigures().of(List.of(a, b), START);

        JsonObject outbox = line(figures.getJsonArray("outbox"), "service", "order-service");
        assertThat(outbox.getDouble("backlog")).as("every replica measures the same table").isEqualTo(3.0);
        assertThat(outbox.getDouble("oldestAgeSeconds")).isEqualTo(4.5);
        assertThat(line(figures.getJsonArray("consumerLag"), "service", "order-service").getDouble("lag")).isEqualTo(7.0);
        assertThat(line(figures.getJsonArray("deadLettered"), "topic", "payments").getLong("count")).isEqualTo(3);
        assertThat(line(figures.getJsonArray("breakers"), "instance", "a").getString("state")).isEqualTo("open");
        assertThat(line(figures.getJsonArray("breakers"), "instance", "b").getString("state")).isEqualTo("closed");
    }
}
