package dev.fashionshop.store.persistence;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.fashionshop.store.domain.Item;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;

@ApplicationScoped
public class ItemRepository implements PanacheRepositoryBase<Item, UUID> {
}
