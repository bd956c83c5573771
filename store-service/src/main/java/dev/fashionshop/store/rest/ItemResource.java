package dev.fashionshop.store.rest;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.RestResponse;

import dev.fashionshop.store.domain.CatalogueService;
import io.smallrye.mutiny.Uni;

/** The owner registers and changes items and their stock. */
@Path("/api/items")
@RolesAllowed("owner")
public class ItemResource {

    @Inject
    CatalogueService catalogue;

    @Inject
    UriInfo uriInfo;

    @POST
    public Uni<RestResponse<ItemView>> register(@NotNull @Valid ItemRequest request) {
        return catalogue.register(request.toNewItem()).map(item -> {
            URI location = uriInfo.getAbsolutePathBuilder().path(item.id.toString()).build();
            return RestResponse.ResponseBuilder.<ItemView> created(location).entity(ItemView.of(item)).build();
        });
    }

    @GET
    public Uni<List<ItemView>> list(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return catalogue.list(page, size).map(items -> items.stream().map(ItemView::of).toList());
    }

    @GET
    @Path("{id}")
    public Uni<ItemView> get(UUID id) {
        return catalogue.find(id).onItem().ifNull().failWith(() -> new NotFoundException("No item " + id))
                .map(ItemView::of);
    }

    @PUT
    @Path("{id}")
    public Uni<ItemView> update(UUID id, @NotNull @Valid ItemRequest request) {
        return catalogue.update(id, request.toNewItem())
                .map(updated -> updated.map(ItemView::of).orElseThrow(() -> new NotFoundException("No item " + id)));
    }

    public record StockRequest(@NotNull @PositiveOrZero Integer stock) {
    }

    @PUT
    @Path("{id}/variants/{sku}/stock")
    public Uni<ItemView.VariantView> setStock(UUID id, String sku, @NotNull @Valid StockRequest request) {
        return catalogue.setStock(id, sku, request.stock())
                .map(changed -> changed.map(v -> new ItemView.VariantView(v.sku, v.size, v.colour, v.stock))
                        .orElseThrow(() -> new NotFoundException("No variant " + sku + " of item " + id)));
    }
}
