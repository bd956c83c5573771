package dev.fashionshop.store.rest;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.fashionshop.store.service.CatalogueService;
import dev.fashionshop.store.domain.Item;
import dev.fashionshop.support.idempotency.IdempotencyKey;
import dev.fashionshop.support.idempotency.IdempotencyKeys;
import dev.fashionshop.support.problem.Problem;
import io.smallrye.mutiny.Uni;

/** The owner registers and changes items and their stock. */
@Path("/api/items")
@RolesAllowed("owner")
@Tag(name = "Items", description = "The owner registers and changes items and their stock")
@SecurityRequirement(name = "bearer")
@APIResponse(responseCode = "401", description = "No valid bearer token")
@APIResponse(responseCode = "403", description = "The token is not the owner's")
@APIResponse(responseCode = "500", description = "An unexpected failure; the problem tells nothing of it",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetails.class)))
public class ItemResource {

    private final CatalogueService catalogue;
    private final UriInfo uriInfo;
    private final IdempotencyKeys idempotencyKeys;
    private final JsonWebToken owner;

    ItemResource(CatalogueService catalogue, UriInfo uriInfo, IdempotencyKeys idempotencyKeys, JsonWebToken owner) {
        this.catalogue = catalogue;
        this.uriInfo = uriInfo;
        this.idempotencyKeys = idempotencyKeys;
        this.owner = owner;
    }

    /** Registers an item; with an Idempotency-Key, a repeat of the request answers the first answer and registers nothing. */
    @Operation(summary = "Register an item with its variants")
    @Parameter(name = IdempotencyKey.HEADER, in = ParameterIn.HEADER,
            description = "Any printable ASCII, kept a day for the owner: the same request again answers the first answer "
                    + "again (Idempotent-Replayed: true) and registers nothing",
            schema = @Schema(type = SchemaType.STRING, maxLength = IdempotencyKey.MAX_LENGTH))
    @APIResponse(responseCode = "201", description = "Registered",
            headers = {
                    @Header(name = "Location", description = "The item"),
                    @Header(name = "Idempotent-Replayed", description = "true when this is the first answer given again") },
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ItemView.class)))
    @APIResponse(responseCode = "400", description = "The item is not valid: violations names each field; or the "
            + "Idempotency-Key is not usable",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetails.class)))
    @APIResponse(responseCode = "409", description = "SKU already used: a variant's SKU names another item's variant (nothing "
            + "is registered); or the first request with this Idempotency-Key is still in progress: send it again after "
            + "Retry-After",
            headers = @Header(name = "Retry-After", description = "Seconds to wait", schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetails.class)))
    @APIResponse(responseCode = "422", description = "Idempotency-Key reused: the key was sent with another request",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetails.class)))
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

    @Operation(summary = "The items, a page at a time, oldest first")
    @APIResponse(responseCode = "200", description = "The page of items")
    @APIResponse(responseCode = "400", description = "page or size out of range: violations names each",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetails.class)))
    @GET
    public Uni<List<ItemView>> list(@QueryParam("page") @DefaultValue("0") @Min(0) @Max(100_000) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return catalogue.list(page, size).map(items -> items.stream().map(ItemView::of).toList());
    }

    @Operation(summary = "One item")
    @APIResponse(responseCode = "200", description = "The item")
    @APIResponse(responseCode = "404", description = "No such item",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetails.class)))
    @GET
    @Path("{id}")
    public Uni<ItemView> get(UUID id) {
        return catalogue.find(id).onItem().ifNull().failWith(() -> new NotFoundException("No item " + id))
                .map(ItemView::of);
    }

    @Operation(summary = "Change an item", description = "Replaces its details; adds or changes the variants named, and "
            + "leaves the others as they are.")
    @APIResponse(responseCode = "200", description = "The item as changed")
    @APIResponse(responseCode = "400", description = "The item is not valid: violations names each field",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetails.class)))
    @APIResponse(responseCode = "404", description = "No such item",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetails.class)))
    @APIResponse(responseCode = "409", description = "SKU already used: a new variant's SKU names another item's variant; or "
            + "the item was changed by another at the same moment: send it again after Retry-After",
            headers = @Header(name = "Retry-After", description = "Seconds to wait", schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetails.class)))
    @PUT
    @Path("{id}")
    public Uni<ItemView> update(UUID id, @NotNull @Valid ItemRequest request) {
        return catalogue.update(id, request.toNewItem())
                .map(updated -> updated.map(ItemView::of).orElseThrow(() -> new NotFoundException("No item " + id)));
    }

    public record StockRequest(@NotNull @PositiveOrZero Integer stock) {
    }

    @Operation(summary = "Set a variant's stock, as counted")
    @APIResponse(responseCode = "200", description = "The variant with its stock")
    @APIResponse(responseCode = "400", description = "The stock is not valid: violations names it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetails.class)))
    @APIResponse(responseCode = "404", description = "No such variant of this item",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetails.class)))
    @APIResponse(responseCode = "409", description = "The variant was changed by another at the same moment (an order "
            + "reserving it): send it again after Retry-After",
            headers = @Header(name = "Retry-After", description = "Seconds to wait", schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetails.class)))
    @PUT
    @Path("{id}/variants/{sku}/stock")
    public Uni<ItemView.VariantView> setStock(UUID id, String sku, @NotNull @Valid StockRequest request) {
        return catalogue.setStock(id, sku, request.stock())
                .map(changed -> changed.map(v -> new ItemView.VariantView(v.sku, v.size, v.colour, v.stock))
                        .orElseThrow(() -> new NotFoundException("No variant " + sku + " of item " + id)));
    }
}
