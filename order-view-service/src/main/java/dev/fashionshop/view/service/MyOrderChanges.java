package dev.fashionshop.view.service;

import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import dev.fashionshop.support.messaging.PostgresNotifications;
import dev.fashionshop.view.config.MyOrdersConfig;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import io.smallrye.mutiny.operators.multi.processors.SerializedProcessor;

/**
 * The changes of the my-orders view as they are committed, on every replica: a trigger on the view's
 * table notifies through PostgreSQL on commit with the buyer and the order, and each replica reads the
 * changed order only when it serves a stream of that buyer, and pushes it there.
 */
@ApplicationScoped
public class MyOrderChanges {

    /** The notification channel of changed orders (db/migration V2); the payload is "buyerId orderId". */
    static final String CHANNEL = "my_order_changed";
    /** How many changes a stream holds for a client that does not read them, before it is failed. */
    private static final int STREAM_BUFFER = 256;
    private static final Logger LOG = Logger.getLogger(MyOrderChanges.class);

    private final PostgresNotifications notifications;
    private final MyOrderQueries queries;

    /** Serialized: changes are read back on whichever event loop, and a processor takes one item at a time. */
    private final SerializedProcessor<MyOrderView, MyOrderView> changes = BroadcastProcessor.<MyOrderView> create().serialized();
    private final ConcurrentMap<String, Integer> streamsByBuyer = new ConcurrentHashMap<>();
    private final int streamsPerBuyer;

    MyOrderChanges(PostgresNotifications notifications, MyOrderQueries queries, MyOrdersConfig config) {
        this.notifications = notifications;
        this.queries = queries;
        this.streamsPerBuyer = config.streamsPerBuyer();
    }

    void start(@Observes StartupEvent started) {
        notifications.listen(CHANNEL, this::changed, () -> {
        });
    }

    /**
     * The buyer's orders as they change, from now on, unless the buyer holds as many streams open already
     * (shop.my-orders.streams-per-buyer). The stream counts from this call, so that the refusal comes before any
     * answer is sent, until it ends however it ends. Each stream buffers what its client has not asked for
     * yet: a broadcast fails a subscriber that is not ready for the next item, and an order's events come
     * in quick succession.
     *
     * @throws TooManyStreamsException when the buyer holds as many streams open already
     */
    public Multi<MyOrderView> of(String buyerId) {
        if (!countStream(buyerId)) {
            throw new TooManyStreamsException(streamsPerBuyer);
        }
        return Multi.createFrom().publisher(changes).filter(view -> buyerId.equals(view.buyerId()))
                .onOverflow().buffer(STREAM_BUFFER)
                .onTermination().invoke(() -> streamsByBuyer.computeIfPresent(buyerId,
                        (buyer, streams) -> streams == 1 ? null : streams - 1));
    }

    /** Counts one more stream of the buyer's, unless as many are open: answers whether it was counted. */
    private boolean countStream(String buyerId) {
        boolean[] counted = new boolean[1];
        streamsByBuyer.compute(buyerId, (buyer, streams) -> {
            int open = streams == null ? 0 : streams;
            counted[0] = open < streamsPerBuyer;
            return counted[0] ? open + 1 : streams;
        });
        return counted[0];
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
                        publish(view);
                    }
                },
                failure -> LOG.warnf("Could not read changed order %s: %s", orderId, failure));
    }

    /** Pushes a changed order to the streams of its buyer. */
    void publish(MyOrderView view) {
        changes.onNext(view);
    }
}
