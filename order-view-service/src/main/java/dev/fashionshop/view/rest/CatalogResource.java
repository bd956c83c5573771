package dev.fashionshop.view.rest;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import org.jboss.resteasy.reactive.RestResponse;

import dev.fashionshop.view.service.CatalogItemView;
import dev.fashionshop.view.service.CatalogQueries;
import dev.fashionshop.view.service.CatalogSearch;
import io.smallrye.mutiny.Uni;

/** The public catalogue: what is for sale, for anyone, searched and filtered (DESIGN.md, catalogue search). */
@Path("/api/catalog")
@PermitAll
public class CatalogResource {

    /** The total number of matching items, of which the answer is one page. */
    static final String TOTAL_COUNT = "X-Total-Count";

    private final CatalogQueries catalog;

    public CatalogResource(CatalogQueries catalog) {
        this.catalog = catalog;
    }

    @GET
    public Uni<RestResponse<List<CatalogItemView>>> search(@QueryParam("q") @Size(max = 200) String text,
            @QueryParam("category") @Size(max = 100) String category,
            @QueryParam("colour") @Size(max = 50) String colour,
            @QueryParam("variantSize") @Size(max = 50) String size,
            @QueryParam("minPrice") @Min(0) Long minPrice,
            @QueryParam("maxPrice") @Min(0) Long maxPrice,
            @QueryParam("inStock") @DefaultValue("false") boolean inStockOnly,
            @QueryParam("sort") String sort,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100_000) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int pageSize) {
        if (minPrice != null && maxPrice != null && minPrice > maxPrice) {
            throw new BadRequestException("minPrice " + minPrice + " is above maxPrice " + maxPrice);
        }
        CatalogSearch.Order order;
        try {
            order = CatalogSearch.Order.of(sort);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
        var search = new CatalogSearch(text, category, colour, size, minPrice, maxPrice, inStockOnly, order, page, pageSize);
        return catalog.search(search).map(found -> RestResponse.ResponseBuilder.ok(found.items())
                .header(TOTAL_COUNT, found.total())
                .build());
    }

    /** The categories, colours and sizes there are, for a storefront's filters. */
    @GET
    @Path("facets")
    public Uni<CatalogQueries.Facets> facets() {
        return catalog.facets();
    }

    @GET
    @Path("{itemId}")
    public Uni<CatalogItemView> get(UUID itemId) {
        return catalog.find(itemId).onItem().ifNull().failWith(() -> new NotFoundException("No item " + itemId));
    }
}
