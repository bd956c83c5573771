package dev.fashionshop.support.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The transactional outbox of a service that publishes events (shop.outbox.*). */
@ConfigMapping(prefix = "shop.outbox")
public interface OutboxConfig {

    /** Whether the service has an outbox (a build property: the outbox beans exist only then). */
    @WithDefault("false")
    boolean enabled();

    /** How often the relay looks for events whose commit notification it missed (a crash right after a commit). */
    @WithDefault("5s")
    Duration pollInterval();
}
