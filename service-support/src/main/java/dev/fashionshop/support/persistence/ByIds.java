package dev.fashionshop.support.persistence;

import java.util.Collection;
import java.util.List;
import java.util.Objects;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Loads the entities with the given ids in one select (an id array), those that exist. Not Panache's
 * {@code "id in ?1"} with a list: Hibernate builds that query's SQL anew on each call and converts the
 * list by way of a caught exception.
 */
public final class ByIds {

    private ByIds() {
    }

    public static <T> Uni<List<T>> load(Class<T> entity, Collection<?> ids) {
        return Panache.getSession().chain(session -> session.find(entity, ids.stream().distinct().toArray()))
                .map(loaded -> loaded.stream().filter(Objects::nonNull).toList());
    }
}
