package dev.fashionshop.store.persistence;

import java.util.Collection;
import java.util.List;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;

import dev.fashionshop.store.domain.Variant;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class VariantRepository implements PanacheRepositoryBase<Variant, String> {

    /**
     * Loaded by id in one go (one select with an array of ids): the Panache form ("sku in ?1") has Hibernate
     * build a new SQL plan for each call, and convert its list parameter by way of a caught exception.
     */
    public Uni<List<Variant>> findBySkus(Collection<String> skus) {
        return Panache.getSession().chain(session -> session.find(Variant.class, skus.stream().distinct().toArray()))
                .map(loaded -> loaded.stream().filter(Objects::nonNull).toList());
    }
}
