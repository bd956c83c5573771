package dev.fashionshop.view.persistence;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.fashionshop.view.domain.CatalogItem;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;

@ApplicationScoped
public class CatalogRepository implements PanacheRepositoryBase<CatalogItem, UUID> {
}
