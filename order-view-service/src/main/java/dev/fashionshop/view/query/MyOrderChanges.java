package dev.fashionshop.view.query;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import dev.fashionshop.support.messaging.PostgresNotifications;
import dev.fashionshop.view.domain.OrderProjection;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;

/**
 * The changes of the my-orders view as they are committed, on every replica: the projection
 * notifies through PostgreSQL on commit, and each replica pushes the changed order to the streams of
 * its buyer that it serves.
 */
@ApplicationScoped
public class MyOrderChanges {

    private static final Logger LOG = Logger.getLogger(MyOrderChanges.class);

    @Inject
    PostgresNotifications notifications;

    @Inject
    MyOrderQueries queries;

    private final BroadcastProcessor<MyOrderView> changes = BroadcastProcessor.create();

    void start(@Observes StartupEvent started) {
        notifications.listen(OrderProjection.CHANGED_CHANNEL, this::changed, () -> {
        });
    }

    /** The buyer's orders as they change, from now on. */
    public Multi<MyOrderView> of(String buyerId) {
        return changes.filter(view -> buyerId.equals(view.buyerId()));
    }

    private void changed(String orderId) {
        queries.find(UUID.fromString(orderId)).subscribe().with(
                view -> {
                    if (view != null) {
                        changes.onNext(view);
                    }
                },
                failure -> LOG.warnf("Could not read changed order %s: %s", orderId, failure));
    }
}
