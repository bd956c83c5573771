package dev.fashionshop.support.idempotency;

import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.fashionshop.support.config.IdempotencyConfig;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/** Forgets idempotency keys older than {@code shop.idempotency.retention} (24 hours by default). */
@ApplicationScoped
@IfBuildProperty(name = "shop.idempotency.enabled", stringValue = "true")
public class IdempotencyKeyPurge {

    private static final Logger LOG = Logger.getLogger(IdempotencyKeyPurge.class);

    private final IdempotencyKeys keys;
    private final Duration retention;

    public IdempotencyKeyPurge(IdempotencyKeys keys, IdempotencyConfig config) {
        this.keys = keys;
        this.retention = config.retention();
    }

    @Scheduled(every = "${shop.idempotency.purge-interval:1h}", delayed = "${shop.idempotency.purge-delay:1m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> purge() {
        return keys.purgeClaimedBefore(Instant.now().minus(retention))
                .invoke(purged -> {
                    if (purged > 0) {
                        LOG.infof("%d idempotency key(s) older than %s forgotten", purged, retention);
                    }
                })
                .onFailure().invoke(failure -> LOG.warnf("Purging idempotency keys failed, the next round retries: %s", failure))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }
}
