package dev.fashionshop.support.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * How long the stages of the saga take ({@code shop.saga.stage}, a histogram by stage). A stage's timer
 * exists in the service that ends it, from the first time it ended there.
 */
@ApplicationScoped
public class SagaStages {

    static final String NAME = "shop.saga.stage";
    /**
     * The histogram's buckets: the events' hops take milliseconds, an owner accepts within hours and a courier
     * delivers within days. Fifteen buckets, not Micrometer's seventy-odd of a percentile histogram.
     */
    private static final Duration[] BUCKETS = { Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
            Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10),
            Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(15), Duration.ofHours(1),
            Duration.ofHours(4), Duration.ofDays(1), Duration.ofDays(7) };

    private final MeterRegistry registry;
    private final Map<SagaStage, Timer> timers = new ConcurrentHashMap<>();

    SagaStages(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Records a stage that began and ended at these instants (0 when the clocks of two machines disagree). */
    public void took(SagaStage stage, Instant began, Instant ended) {
        if (began == null || ended == null) {
            return;
        }
        Duration took = Duration.between(began, ended);
        timers.computeIfAbsent(stage, this::timer).record(took.isNegative() ? Duration.ZERO : took);
    }

    private Timer timer(SagaStage stage) {
        return Timer.builder(NAME)
                .description("How long each stage of the saga took, from the event that began it to the one that ended it")
                .tag("stage", stage.tag())
                .serviceLevelObjectives(BUCKETS)
                .register(registry);
    }
}
