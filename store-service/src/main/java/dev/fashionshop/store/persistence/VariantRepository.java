package dev.fashionshop.store.persistence;

import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.fashionshop.store.domain.Variant;
import dev.fashionshop.support.persistence.ByIds;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class VariantRepository implements PanacheRepositoryBase<Variant, String> {

    public Uni<List<Variant>> findBySkus(Collection<String> skus) {
        return ByIds.load(Variant.class, skus);
    }
}
