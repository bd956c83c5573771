package dev.fashionshop.store.persistence;

import java.util.Collection;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.fashionshop.store.domain.StockMovement;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Records every change of stock, in the transaction that makes it. */
@ApplicationScoped
public class StockLedger implements PanacheRepositoryBase<StockMovement, UUID> {

    public Uni<Void> record(Collection<StockMovement> movements) {
        return movements.isEmpty() ? Uni.createFrom().voidItem() : persist(movements.stream());
    }
}
