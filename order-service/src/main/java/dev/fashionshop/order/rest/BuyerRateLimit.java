package dev.fashionshop.order.rest;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;

import dev.fashionshop.order.config.OrdersConfig;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

/**
 * How many orders a buyer places per period on this replica ({@code shop.orders.rate-limit}): a Bucket4j token
 * bucket per buyer, as full as the period's orders and refilled evenly over it. A bucket left alone for a whole
 * period is full again, so it is forgotten then (the cache), and a flood of buyers costs memory for a period only.
 * <p>
 * Per replica, not shared: with N replicas a buyer gets at most N times the quota. A shared one would cost a round
 * trip to a store on every order, for a limit whose purpose (no buyer floods the shop) N times still serves.
 */
@ApplicationScoped
public class BuyerRateLimit {

    /** Buyers remembered at once: beyond, the least recent are forgotten early, which only ever gives more. */
    private static final long MAX_BUYERS = 100_000;

    private final LoadingCache<String, Bucket> buckets;

    BuyerRateLimit(OrdersConfig config) {
        int orders = config.rateLimit().orders();
        Duration period = config.rateLimit().period();
        this.buckets = Caffeine.newBuilder()
                .expireAfterAccess(period)
                .maximumSize(MAX_BUYERS)
                .build(buyer -> Bucket.builder()
                        .addLimit(limit -> limit.capacity(orders).refillGreedy(orders, period))
                        .build());
    }

    /** Takes one order from the buyer's quota, or refuses it with when the next one is allowed. */
    public void take(String buyer) {
        ConsumptionProbe probe = buckets.get(buyer).tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw new SpentException(probe.getNanosToWaitForRefill());
        }
    }

    /** The buyer's quota is spent for now. */
    public static final class SpentException extends RuntimeException {

        private final long nanosToWait;

        SpentException(long nanosToWait) {
            super("the buyer's quota of orders is spent", null, false, false);
            this.nanosToWait = nanosToWait;
        }

        /** When the next order is allowed, in whole seconds rounded up (a Retry-After of 0 would invite a retry at once). */
        public long retryAfterSeconds() {
            return Math.max(1, Duration.ofNanos(nanosToWait).plusMillis(999).toSeconds());
        }
    }
}
