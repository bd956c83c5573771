package dev.fashionshop.order.persistence;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import static dev.fashionshop.support.reactive.InSequence.inSequence;

import dev.fashionshop.order.domain.CatalogueItem;
import dev.fashionshop.order.domain.CatalogueVariant;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** The catalogue replica: items and variants as the items topic last described them. */
@ApplicationScoped
public class CatalogueRepository {

    @Inject
    CatalogueItemRepository items;

    @Inject
    CatalogueVariantRepository variants;

    // Loaded by id in one go (one select with an array of ids): the Panache form ("sku in ?1") has Hibernate
    // build a new SQL plan for each call, and convert its list parameter by way of a caught exception.

    public Uni<List<CatalogueItem>> items(Collection<UUID> ids) {
        return Panache.getSession().chain(session -> session.find(CatalogueItem.class, ids.stream().distinct().toArray()))
                .map(CatalogueRepository::found);
    }

    public Uni<List<CatalogueVariant>> variants(Collection<String> skus) {
        return Panache.getSession().chain(session -> session.find(CatalogueVariant.class, skus.stream().distinct().toArray()))
                .map(CatalogueRepository::found);
    }

    private static <T> List<T> found(List<T> loaded) {
        return loaded.stream().filter(Objects::nonNull).toList();
    }

    /** Replaces what is known of an item and its variants by a snapshot of it. */
    public Uni<Void> saveItem(CatalogueItem item, List<CatalogueVariant> itemVariants) {
        return Panache.getSession().chain(session -> session.merge(item)
                .chain(() -> inSequence(itemVariants, session::merge)));
    }

    public Uni<Integer> setStock(String sku, int stock) {
        return variants.update("stock = ?1 where sku = ?2", stock, sku);
    }

    @ApplicationScoped
    public static class CatalogueItemRepository
            implements PanacheRepositoryBase<CatalogueItem, UUID> {
    }

    @ApplicationScoped
    public static class CatalogueVariantRepository
            implements PanacheRepositoryBase<CatalogueVariant, String> {
    }
}
