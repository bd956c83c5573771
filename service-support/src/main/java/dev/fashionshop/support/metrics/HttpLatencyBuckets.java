package dev.fashionshop.support.metrics;

import java.time.Duration;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;

/**
 * Gives the HTTP server's and the REST clients' timers a few histogram buckets, so that a dashboard can
 * draw their percentiles across replicas (Prometheus' histogram_quantile): nine buckets around the
 * shop's 100 ms target, not a percentile histogram's seventy-odd per URI, method and status.
 */
public class HttpLatencyBuckets {

    private static final double[] BUCKETS_NANOS = nanos(Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
            Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
            Duration.ofMillis(2500));

    @Produces
    @Singleton
    MeterFilter httpLatencyBuckets() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (id.getName().equals("http.server.requests") || id.getName().equals("http.client.requests")) {
                    return DistributionStatisticConfig.builder().serviceLevelObjectives(BUCKETS_NANOS).build().merge(config);
                }
                return config;
            }
        };
    }

    private static double[] nanos(Duration... durations) {
        double[] nanos = new double[durations.length];
        for (int i = 0; i < durations.length; i++) {
            nanos[i] = durations[i].toNanos();
        }
        return nanos;
    }
}
