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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.jwt.JsonWebToken;


import dev.fashionshop.store.service.CatalogueService;
import dev.fashionshop.store.domain.Item;
import dev.fashionshop.support.idempotency.IdempotencyKey;
import dev.fashionshop.support.idempotency.IdempotencyKeys;
import io.smallrye.mutiny.Uni;

/** The owner registers and changes items and their stock. */
@Path("/api/items")
@RolesAllowed("owner")
public class ItemResource {

    @Inject
    CatalogueService catalogue;

    @Inject
    UriInfo uriInfo;

    @Inject
    IdempotencyKeys idempotencyKeys;

    @Inject
    JsonWebToken owner;

    /** Registers an item; with an Idempotency-Key, a repeat of the request answers the first answer and registers nothing. */
    @POST
    public Uni<Response> register(HttpHeaders headers, @NotNull @Valid ItemRequest request) {
        IdempotencyKey key = idempotencyKeys.keyFor(headers, owner.getSubject(), "POST /api/items", request);
        return catalogue.register(request.toNewItem(), key, item -> idempotencyKeys.record(created(item)))
                .map(once -> once.isReplay() ? once.firstAnswer().toResponse() : created(once.created()));
    }

    private Response created(Item item) {
        URI location = uriInfo.getAbsolutePathBuilder().path(item.id.toString()).build();
        return Response.created(location).entity(ItemView.of(item)).build();
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
