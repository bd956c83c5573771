package dev.fashionshop.payment.provider;

import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;

import dev.fashionshop.payment.config.SimulatorConfig;

/**
 * The runtime knobs of the payment-provider simulator: how slow the provider answers and how often it
 * fails. They start from configuration and an operator changes them at runtime (PUT /admin/simulator).
 */
@ApplicationScoped
public class SimulatorSettings {

    /** How the simulated provider behaves: {@code latencyMs} per call, a share {@code failureRate} (0..1) of calls failing. */
    public record Knobs(long latencyMs, double failureRate) {
    }

    private final AtomicReference<Knobs> knobs;

    SimulatorSettings(SimulatorConfig config) {
        this.knobs = new AtomicReference<>(new Knobs(config.latencyMs(), config.failureRate()));
    }

    public Knobs current() {
        return knobs.get();
    }

    public void set(Knobs next) {
        knobs.set(next);
    }
}
