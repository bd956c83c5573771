package dev.fashionshop.order.persistence;

import static dev.fashionshop.support.reactive.InSequence.inSequence;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.fashionshop.order.domain.CatalogueItem;
import dev.fashionshop.order.domain.CatalogueVariant;
import dev.fashionshop.support.persistence.ByIds;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** The catalogue replica: items and variants as the items topic last described them. */
@ApplicationScoped
public class CatalogueRepository {

    private final CatalogueItemRepository items;
    private final CatalogueVariantRepository variants;

    CatalogueRepository(CatalogueItemRepository items, CatalogueVariantRepository variants) {
        this.items = items;
        this.variants = variants;
    }

    public Uni<List<CatalogueItem>> items(Collection<UUID> ids) {
        return ByIds.load(CatalogueItem.class, ids);
    }

    public Uni<List<CatalogueVariant>> variants(Collection<String> skus) {
        return ByIds.load(CatalogueVariant.class, skus);
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
