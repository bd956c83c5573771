package dev.fashionshop.order.service;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.fashionshop.order.config.OrdersConfig;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * The timers of orders not paid: an order whose payment call never settled (order-service stopped
 * in the middle) becomes PAYMENT_DEFERRED after {@code shop.orders.pending-timeout}; an order left in
 * PAYMENT_DEFERRED longer than {@code shop.orders.deferred-expiry} becomes EXPIRED (OrderExpired).
 * Each replica runs them; the orders' optimistic locking lets only one move a given order. A round goes
 * on, a batch (one transaction) at a time, until it finds less than a batch: a backlog (a start that
 * deferred thousands, a crash in the middle of many payments) clears in one round, not a batch a round.
 */
@ApplicationScoped
public class UnpaidOrderTimer {

    private static final Logger LOG = Logger.getLogger(UnpaidOrderTimer.class);

    private final OrderService orders;
    private final Duration pendingTimeout;
    private final Duration expiry;

    UnpaidOrderTimer(OrderService orders, OrdersConfig config) {
        this.orders = orders;
        this.pendingTimeout = config.pendingTimeout();
        this.expiry = config.deferredExpiry();
    }

    @Scheduled(every = "${shop.orders.expiry-check-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public Uni<Void> checkUnpaidOrders() {
        return batchAfterBatch(() -> orders.deferUnsettled(Instant.now().minus(pendingTimeout)))
                .invoke(deferred -> log(deferred, "order(s) with an unsettled payment deferred"))
                .chain(() -> batchAfterBatch(() -> orders.expireDeferred(Instant.now().minus(expiry))))
                .invoke(expired -> log(expired, "deferred order(s) expired"))
                .onFailure().invoke(failure -> LOG.warnf("Checking unpaid orders failed, the next round retries: %s", failure))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** Runs {@code batch} again as long as it moved a full batch; answers how many orders it moved in all. */
    private static Uni<Integer> batchAfterBatch(Supplier<Uni<Integer>> batch) {
        return batch.get().chain(moved -> moved < OrderService.BATCH
                ? Uni.createFrom().item(moved)
                : batchAfterBatch(batch).map(more -> moved + more));
    }

    private static void log(int count, String what) {
        if (count > 0) {
            LOG.infof("%d %s", count, what);
        }
    }
}
