package dev.fashionshop.order.rest;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;


import dev.fashionshop.order.config.OrdersConfig;
import io.smallrye.mutiny.Uni;

/**
 * How many orders a replica places at once ({@code shop.orders.max-placing}); one more is refused at once.
 * Over capacity, a queue only makes every order late: met by more than it can take (a cold start whose JIT
 * still compiles, a burst), the replica answers the orders it takes in their usual time and tells the others
 * to come back, instead of answering all of them seconds later.
 * <p>
 * A counter rather than SmallRye Fault Tolerance's bulkhead, whose waiting queue runs a call when another
 * finishes, outside the call's own REST request (tried first: the injected {@code UriInfo} failed with "No REST
 * request in progress"); without a queue, which MicroProfile does not allow, that bulkhead is this counter.
 */
@ApplicationScoped
public class OrderAdmission {

    /** Seconds a buyer turned away is asked to wait before sending the order again. */
    static final int RETRY_AFTER_SECONDS = 1;

    private final int maxPlacing;
    private final AtomicInteger placing = new AtomicInteger();

    OrderAdmission(OrdersConfig config) {
        this.maxPlacing = config.maxPlacing();
    }

    /**
     * Runs the placing, when subscribed, unless as many are running; counts it until it ends, however it ends
     * (an answer, a failure, one thrown while building it, a cancellation).
     */
    public <T> Uni<T> admit(Supplier<Uni<? extends T>> placing) {
        return Uni.createFrom().deferred(() -> {
            if (this.placing.incrementAndGet() > maxPlacing) {
                this.placing.decrementAndGet();
                return Uni.createFrom().failure(new BusyException(maxPlacing));
            }
            return Uni.createFrom().<T> deferred(placing).onTermination().invoke(this.placing::decrementAndGet);
        });
    }

    /** More orders at once than the replica takes. */
    public static final class BusyException extends RuntimeException {
        BusyException(int maxPlacing) {
            super("already placing " + maxPlacing + " orders", null, false, false);
        }
    }
}
