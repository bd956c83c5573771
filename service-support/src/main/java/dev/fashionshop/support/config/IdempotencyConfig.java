package dev.fashionshop.support.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Idempotency-Keys of a service's POST requests (shop.idempotency.*). */
@ConfigMapping(prefix = "shop.idempotency")
public interface IdempotencyConfig {

    /** Whether the service takes Idempotency-Keys (a build property: the beans exist only then). */
    @WithDefault("false")
    boolean enabled();

    /** How long a key is kept; a request repeated after that is a new one. */
    @WithDefault("PT24H")
    Duration retention();

    /** How often keys older than the retention are forgotten. */
    @WithDefault("1h")
    Duration purgeInterval();

    /** The wait before the first purge after start-up. */
    @WithDefault("1m")
    Duration purgeDelay();
}
