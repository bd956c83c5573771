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

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import dev.fashionshop.support.problem.Problem;
import dev.fashionshop.view.service.CatalogItemView;
import dev.fashionshop.view.service.CatalogQueries;
import dev.fashionshop.view.service.CatalogSearch;
import io.smallrye.mutiny.Uni;

/** The public catalogue: what is for sale, for anyone, searched and filtered (DESIGN.md, catalogue search). */
@Path("/api/catalog")
@PermitAll
@Tag(name = "Catalogue", description = "What is for sale, for anyone, searched and filtered")
@APIResponse(responseCode = "500", description = "An unexpected failure; the problem tells nothing of it",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetails.class)))
public class CatalogResource {

    /** The total number of matching items, of which the answer is one page. */
    static final String TOTAL_COUNT = "X-Total-Count";

    private final CatalogQueries catalog;

    public CatalogResource(CatalogQueries catalog) {
        this.catalog = catalog;
    }

    @Operation(summary = "Search the catalogue", description = "Every filter given must match; a page of the items found.")
    @Parameter(name = "q", in = ParameterIn.QUERY, description = "Text found, in any case, anywhere in the name or description")
    @Parameter(name = "sort", in = ParameterIn.QUERY, description = "name (the default), price, -price or newest")
    @APIResponse(responseCode = "200", description = "The page of items found",
            headers = @Header(name = CatalogResource.TOTAL_COUNT, description = "How many items were found in all",
                    schema = @Schema(type = SchemaType.INTEGER)))
    @APIResponse(responseCode = "400", description = "A query it cannot answer: a parameter out of range (violations names "
            + "each), minPrice above maxPrice, or an unknown sort",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetails.class)))
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
    @Operation(summary = "The categories, colours and sizes there are, for a storefront's filters")
    @APIResponse(responseCode = "200", description = "Each, sorted")
    @GET
    @Path("facets")
    public Uni<CatalogQueries.Facets> facets() {
        return catalog.facets();
    }

    @Operation(summary = "One item of the catalogue")
    @APIResponse(responseCode = "200", description = "The item")
    @APIResponse(responseCode = "404", description = "No such item",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetails.class)))
    @GET
    @Path("{itemId}")
    public Uni<CatalogItemView> get(UUID itemId) {
        return catalog.find(itemId).onItem().ifNull().failWith(() -> new NotFoundException("No item " + itemId));
    }
}
