package dev.fashionshop.payment.persistence;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.fashionshop.payment.domain.EndedOrder;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The orders order-service ended before they were paid, as far as it knew, and the lock that orders
 * their end against the recording of their payment. Runs in the caller's transaction.
 */
@ApplicationScoped
public class EndedOrders {

    /** The advisory lock space of "an order's payment" (PostgreSQL's two-key locks; the key is the order's hash). */
    private static final int PAYMENT_OF_ORDER = 0x5041_5900;

    /**
     * Holds the order's lock until the transaction ends: recording a payment and learning that the
     * order ended take it first, so that whichever commits second sees what the first did.
     * <p>
     * Sent as an update, though it is a select: Hibernate caches the plan of a native select under its
     * result mapping, and no mapping it is given (a class, nor a named {@code @SqlResultSetMapping}) ever
     * equals the next call's, so every lock added an entry to the plan cache that every later lookup
     * walked (13 % of payment-service's CPU under load). An update's plan is keyed by its SQL alone.
     */
    public Uni<Void> lock(UUID orderId) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("select 1 from pg_advisory_xact_lock(:space, :key)")
                .setParameter("space", PAYMENT_OF_ORDER)
                .setParameter("key", orderId.hashCode())
                .executeUpdate())
                .replaceWithVoid();
    }

    /** Records that the order ended (the first reason stays). */
    public Uni<Void> record(UUID orderId, String reason) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                insert into ended_order (order_id, reason, ended_at) values (:order, :reason, :now)
                on conflict (order_id) do nothing""")
                .setParameter("order", orderId)
                .setParameter("reason", reason)
                .setParameter("now", Instant.now())
                .executeUpdate())
                .replaceWithVoid();
    }

    /** Why the order ended, or null when it did not (as far as payment-service heard). */
    public Uni<String> reasonFor(UUID orderId) {
        return Panache.getSession().chain(session -> session.find(EndedOrder.class, orderId))
                .map(ended -> ended == null ? null : ended.reason);
    }
}
