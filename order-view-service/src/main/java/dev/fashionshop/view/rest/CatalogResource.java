package dev.fashionshop.view.rest;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.fashionshop.view.domain.CatalogItem;
import dev.fashionshop.view.persistence.CatalogRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

/** The public catalogue: what is for sale, for anyone. */
@Path("/api/catalog")
@PermitAll
public class CatalogResource {

    @Inject
    CatalogRepository catalog;

    @Inject
    ObjectMapper json;

    public record Variant(String sku, String size, String colour, int stock) {
    }

    public record CatalogItemView(UUID id, String name, String description, String category, long price,
            String currency, String imageUrl, List<Variant> variants) {
    }

    @GET
    @WithSession
    public Uni<List<CatalogItemView>> list(@QueryParam("category") String category,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        var query = category == null
                ? catalog.findAll(Sort.by("name"))
                : catalog.find("category", Sort.by("name"), category);
        return query.page(Page.of(page, size)).list().map(items -> items.stream().map(this::view).toList());
    }

    @GET
    @Path("{itemId}")
    @WithSession
    public Uni<CatalogItemView> get(UUID itemId) {
        return catalog.findById(itemId).onItem().ifNull().failWith(() -> new NotFoundException("No item " + itemId))
                .map(this::view);
    }

    private CatalogItemView view(CatalogItem item) {
        try {
            List<Variant> variants = json.readValue(item.variants, new TypeReference<List<Variant>>() {
            });
            return new CatalogItemView(item.itemId, item.name, item.description, item.category, item.price,
                    item.currency, item.imageUrl, variants);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored variants are not JSON", e);
        }
    }
}
