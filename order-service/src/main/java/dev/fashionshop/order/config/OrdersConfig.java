package dev.fashionshop.order.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;

/** How order-service takes orders and waits for their payment (shop.orders.*). */
@ConfigMapping(prefix = "shop.orders")
public interface OrdersConfig {

    /** At most so many orders placed at once per replica; beyond, a 503 Busy at once and nothing stored. */
    int maxPlacing();

    /** A payment call that never settled (order-service stopped during it) is deferred after this long. */
    Duration pendingTimeout();

    /** An order left deferred this long expires (OrderExpired). */
    Duration deferredExpiry();

    /** How often the timers of unpaid orders run: a scheduler interval such as {@code 60s}, or {@code off}. */
    String expiryCheckInterval();

    /** How many orders a buyer places per period on one replica. */
    RateLimit rateLimit();

    interface RateLimit {

        /** Orders a buyer places at once, and again over each period (refilled evenly). */
        int orders();

        Duration period();
    }
}
