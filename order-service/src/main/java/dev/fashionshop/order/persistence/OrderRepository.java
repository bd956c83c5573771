package dev.fashionshop.order.persistence;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.fashionshop.order.domain.Order;
import dev.fashionshop.order.domain.OrderStatus;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class OrderRepository implements PanacheRepositoryBase<Order, UUID> {

    /** The buyer's order, or null when there is none or it is someone else's. */
    public Uni<Order> findForBuyer(UUID id, String buyerId) {
        return find("id = ?1 and buyerId = ?2", id, buyerId).firstResult();
    }

    /** Orders that have been in the given state since before the given time, the oldest first. */
    public Uni<List<Order>> inStateSince(OrderStatus status, Instant before, int limit) {
        return find("status = ?1 and updatedAt < ?2", Sort.by("updatedAt"), status, before)
                .page(Page.ofSize(limit)).list();
    }

    /**
     * Writes the order's status, payment and time, unless it changed since it had the given version;
     * answers whether it was written.
     */
    public Uni<Boolean> updateIfUnchanged(Order order, int version) {
        return update("status = ?1, paymentId = ?2, updatedAt = ?3, version = version + 1 where id = ?4 and version = ?5",
                order.status, order.paymentId, order.updatedAt, order.id, version).map(updated -> updated == 1);
    }

    public Uni<List<Order>> listForBuyer(String buyerId, int page, int size) {
        return find("buyerId", Sort.descending("createdAt"), buyerId).page(Page.of(page, size)).list();
    }
}
