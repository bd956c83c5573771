package dev.fashionshop.store.persistence;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.fashionshop.store.domain.StoreOrder;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;

@ApplicationScoped
public class StoreOrderRepository implements PanacheRepositoryBase<StoreOrder, UUID> {
}
