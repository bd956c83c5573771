package dev.fashionshop.benchmark;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.gatling.javaapi.core.OpenInjectionStep;

/**
 * The load before the judged steps: {@code length} at {@code rate} orders/s, the first {@code ramp} of it
 * rising from 1/s to that rate. A cold shop met at full rate trips the payment breaker while its JITs
 * compile (docs/performance.md); a ramp lets it warm the way traffic usually arrives.
 */
record WarmUp(Duration length, Duration ramp, int rate) {

    static final WarmUp NONE = new WarmUp(Duration.ZERO, Duration.ZERO, 0);

    WarmUp {
        if (ramp.compareTo(length) > 0) {
            throw new IllegalArgumentException("The warm-up's ramp (" + ramp.toSeconds()
                    + " s) is longer than the warm-up (" + length.toSeconds() + " s)");
        }
    }

    /** From {@code benchmark.warm-up-seconds} and {@code benchmark.warm-up-ramp-seconds}, at the given rate. */
    static WarmUp configured(int rate) {
        return new WarmUp(Duration.ofSeconds(Long.getLong("benchmark.warm-up-seconds", 0)),
                Duration.ofSeconds(Long.getLong("benchmark.warm-up-ramp-seconds", 0)), rate);
    }

    boolean isNone() {
        return length.isZero();
    }

    List<OpenInjectionStep> injection() {
        List<OpenInjectionStep> steps = new ArrayList<>();
        if (!ramp.isZero()) {
            steps.add(rampUsersPerSec(1).to(rate).during(ramp));
        }
        if (length.compareTo(ramp) > 0) {
            steps.add(constantUsersPerSec(rate).during(length.minus(ramp)));
        }
        return steps;
    }

    /** As the report says it, e.g. "a warm-up of 240 s at 50/s (the first 120 s rising from 1/s)". */
    String describe() {
        if (isNone()) {
            return "no warm-up";
        }
        return "a warm-up of " + length.toSeconds() + " s at " + rate + "/s"
                + (ramp.isZero() ? "" : " (the first " + ramp.toSeconds() + " s rising from 1/s)");
    }
}
