package dev.fashionshop.local.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BinaryOperator;
import java.util.stream.Collectors;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The figures an operator looks at first, from every instance's /q/metrics (docs/operating.md): orders by
 * outcome, in all and per minute; each saga stage's percentiles; each publisher's outbox; each consumer's
 * lag and dead-lettered events; each order-service instance's payment breaker. The per-minute rates come
 * from the totals seen at earlier reads, the latest one at least a minute old (or the oldest kept).
 */
public final class ShopFigures {

    private static final Duration RATE_WINDOW = Duration.ofMinutes(1);
    private static final List<Double> PERCENTILES = List.of(0.5, 0.95, 0.99);

    private final Deque<Totals> seen = new ArrayDeque<>();

    private record Totals(Instant at, Map<String, Double> ordersByOutcome) {
    }

    public synchronized JsonObject of(List<InstanceMetrics> instances, Instant now) {
        Map<String, Double> orders = totals(instances, "shop_orders_total", "outcome", Double::sum);
        JsonObject figures = new JsonObject()
                .put("orders", orders(orders, now))
                .put("stages", stages(instances))
                .put("outbox", perService(instances, "shop_outbox_backlog", "backlog", Math::max)
                        .merge("shop_outbox_oldest_age_seconds", "oldestAgeSeconds", Math::max).toJson())
                .put("consumerLag", perService(instances, "kafka_consumer_fetch_manager_records_lag", "lag", Double::sum).toJson())
                .put("deadLettered", deadLettered(instances))
                .put("breakers", breakers(instances));
        seen.addLast(new Totals(now, orders));
        while (seen.size() > 1 && !seen.peekFirst().at().isAfter(now.minus(RATE_WINDOW.multipliedBy(2)))) {
            seen.removeFirst();
        }
        return figures;
    }

    private JsonArray orders(Map<String, Double> totals, Instant now) {
        Totals base = seen.stream().filter(t -> !t.at().isAfter(now.minus(RATE_WINDOW))).reduce((a, b) -> b)
                .orElse(seen.peekFirst());
        JsonArray orders = new JsonArray();
        totals.forEach((outcome, total) -> {
            JsonObject line = new JsonObject().put("outcome", outcome).put("total", total.longValue());
            if (base != null && now.isAfter(base.at())) {
                // an instance that restarted counts from 0 again: never a negative rate
                double moved = Math.max(0, total - base.ordersByOutcome().getOrDefault(outcome, 0.0));
                line.put("perMinute", round(moved * 60_000 / Duration.between(base.at(), now).toMillis()));
            }
            orders.add(line);
        });
        return orders;
    }

    private static JsonArray stages(List<InstanceMetrics> instances) {
        Map<String, List<ServiceMetrics.Sample>> bucketsByStage = instances.stream()
                .flatMap(instance -> instance.metrics().samples("shop_saga_stage_seconds_bucket").stream())
                .collect(Collectors.groupingBy(bucket -> bucket.label("stage"), TreeMap::new, Collectors.toList()));
        Map<String, Double> counts = totals(instances, "shop_saga_stage_seconds_count", "stage", Double::sum);
        JsonArray stages = new JsonArray();
        bucketsByStage.forEach((stage, buckets) -> {
            JsonObject line = new JsonObject().put("stage", stage).put("count", counts.getOrDefault(stage, 0.0).longValue());
            PERCENTILES.forEach(q -> {
                double seconds = Histograms.quantile(q, buckets);
                line.put("p" + Math.round(q * 100) + "Seconds", Double.isNaN(seconds) ? null : round(seconds));
            });
            stages.add(line);
        });
        return stages;
    }

    private static JsonArray deadLettered(List<InstanceMetrics> instances) {
        JsonArray lines = new JsonArray();
        instances.stream().collect(Collectors.groupingBy(InstanceMetrics::service, TreeMap::new, Collectors.toList()))
                .forEach((service, ofService) -> totals(ofService, "shop_events_dead_lettered_total", "topic", Double::sum)
                        .forEach((topic, count) -> lines.add(new JsonObject().put("service", service).put("topic", topic)
                                .put("count", count.longValue()))));
        return lines;
    }

    private static JsonArray breakers(List<InstanceMetrics> instances) {
        JsonArray breakers = new JsonArray();
        for (InstanceMetrics instance : instances) {
            instance.metrics().samples("ft_circuitbreaker_state_current").stream()
                    .filter(sample -> sample.value() == 1)
                    .forEach(sample -> breakers.add(new JsonObject().put("service", instance.service())
                            .put("instance", instance.instance()).put("breaker", sample.label("method"))
                            .put("state", sample.label("state"))));
        }
        return breakers;
    }

    /** The samples of one name, summed over the instances (or the largest) by one of their labels. */
    private static Map<String, Double> totals(List<InstanceMetrics> instances, String name, String label,
            BinaryOperator<Double> combine) {
        return instances.stream().flatMap(instance -> instance.metrics().samples(name).stream())
                .filter(sample -> sample.label(label) != null && !Double.isNaN(sample.value()))
                .collect(Collectors.toMap(sample -> sample.label(label), ServiceMetrics.Sample::value, combine, TreeMap::new));
    }

    private static PerService perService(List<InstanceMetrics> instances, String name, String field,
            BinaryOperator<Double> combine) {
        return new PerService(instances, new TreeMap<>()).merge(name, field, combine);
    }

    /** Figures by service, each from one metric combined over the service's instances. */
    private record PerService(List<InstanceMetrics> instances, Map<String, JsonObject> byService) {

        PerService merge(String name, String field, BinaryOperator<Double> combine) {
            instances.stream()
                    .filter(instance -> instance.metrics().has(name))
                    .collect(Collectors.toMap(InstanceMetrics::service,
                            instance -> instance.metrics().samples(name).stream().mapToDouble(ServiceMetrics.Sample::value)
                                    .filter(value -> !Double.isNaN(value)).sum(),
                            combine, TreeMap::new))
                    .forEach((service, value) -> byService.computeIfAbsent(service, s -> new JsonObject().put("service", s))
                            .put(field, round(value)));
            return this;
        }

        JsonArray toJson() {
            return new JsonArray(new ArrayList<>(byService.values()));
        }
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
