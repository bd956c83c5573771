package dev.fashionshop.view.query;

import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import dev.fashionshop.support.messaging.PostgresNotifications;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;

/**
 * The changes of the my-orders view as they are committed, on every replica: a trigger on the view's
 * table notifies through PostgreSQL on commit with the buyer and the order, and each replica reads the
 * changed order only when it serves a stream of that buyer, and pushes it there.
 */
@ApplicationScoped
public class MyOrderChanges {

    /** The notification channel of changed orders (db/migration V2); the payload is "buyerId orderId". */
    static final String CHANNEL = "my_order_changed";
    private static final Logger LOG = Logger.getLogger(MyOrderChanges.class);

    @Inject
    PostgresNotifications notifications;

    @Inject
    MyOrderQueries queries;

    private final BroadcastProcessor<MyOrderView> changes = BroadcastProcessor.create();
    private final ConcurrentMap<String, Integer> streamsByBuyer = new ConcurrentHashMap<>();

    void start(@Observes StartupEvent started) {
        notifications.listen(CHANNEL, this::changed, () -> {
        });
    }

    /** The buyer's orders as they change, from now on. */
    public Multi<MyOrderView> of(String buyerId) {
        return changes.filter(view -> buyerId.equals(view.buyerId()))
                .onSubscription().invoke(() -> streamsByBuyer.merge(buyerId, 1, Integer::sum))
                .onTermination().invoke(() -> streamsByBuyer.computeIfPresent(buyerId,
                        (buyer, streams) -> streams == 1 ? null : streams - 1));
    }

    private void changed(String payload) {
        int space = payload.lastIndexOf(' ');
        if (space < 0 || !streamsByBuyer.containsKey(payload.substring(0, space))) {
            return;
        }
        String orderId = payload.substring(space + 1);
        queries.find(UUID.fromString(orderId)).subscribe().with(
                view -> {
                    if (view != null) {
                        changes.onNext(view);
                    }
                },
                failure -> LOG.warnf("Could not read changed order %s: %s", orderId, failure));
    }
}
