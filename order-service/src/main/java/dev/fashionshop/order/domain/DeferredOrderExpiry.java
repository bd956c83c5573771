package dev.fashionshop.order.domain;

import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * The timer of the overload fallback: an order left in PAYMENT_DEFERRED longer than
 * {@code shop.orders.deferred-expiry} becomes EXPIRED (OrderExpired). Each replica runs it; the
 * orders' optimistic locking lets only one expire a given order.
 */
@ApplicationScoped
public class DeferredOrderExpiry {

    private static final Logger LOG = Logger.getLogger(DeferredOrderExpiry.class);

    @Inject
    OrderService orders;

    @ConfigProperty(name = "shop.orders.deferred-expiry")
    Duration expiry;

    @Scheduled(every = "${shop.orders.expiry-check-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> expireDeferredOrders() {
        return orders.expireDeferred(Instant.now().minus(expiry))
                .invoke(expired -> {
                    if (expired > 0) {
                        LOG.infof("%d deferred order(s) expired", expired);
                    }
                })
                .onFailure().invoke(failure -> LOG.warnf("Expiring deferred orders failed, next round retries: %s", failure))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }
}
