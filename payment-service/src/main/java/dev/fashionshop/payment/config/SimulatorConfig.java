package dev.fashionshop.payment.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The payment-provider simulator's starting knobs (shop.simulator.*); PUT /admin/simulator changes them at runtime. */
@ConfigMapping(prefix = "shop.simulator")
public interface SimulatorConfig {

    /** How long each call to the provider takes. */
    @WithDefault("0")
    long latencyMs();

    /** The share of calls that fail (0..1), as when the provider is overloaded. */
    @WithDefault("0")
    double failureRate();
}
