package dev.fashionshop.store.rest;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.fashionshop.store.service.StoreOrderService;
import dev.fashionshop.store.domain.StoreOrderStatus;
import dev.fashionshop.support.problem.Problem;
import io.smallrye.mutiny.Uni;

/** The owner's view of the orders that reached the store, and the owner's decisions on them. */
@Path("/api/store/orders")
@RolesAllowed("owner")
@Tag(name = "Store orders", description = "The orders that reached the store, and the owner's decisions on them")
@SecurityRequirement(name = "bearer")
@APIResponse(responseCode = "401", description = "No valid bearer token")
@APIResponse(responseCode = "403", description = "The token is not the owner's")
@APIResponse(responseCode = "500", description = "An unexpected failure; the problem tells nothing of it",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetails.class)))
public class StoreOrderResource {

    private final StoreOrderService storeOrders;

    StoreOrderResource(StoreOrderService storeOrders) {
        this.storeOrders = storeOrders;
    }

    @Operation(summary = "The store orders, a page at a time, optionally of one status")
    @APIResponse(responseCode = "200", description = "The page of store orders")
    @APIResponse(responseCode = "400", description = "page or size out of range: violations names each",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetails.class)))
    @GET
    public Uni<List<StoreOrderView>> list(@QueryParam("status") StoreOrderStatus status,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100_000) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return storeOrders.list(status, page, size).map(orders -> orders.stream().map(StoreOrderView::of).toList());
    }

    @Operation(summary = "One store order")
    @APIResponse(responseCode = "200", description = "The store order")
    @APIResponse(responseCode = "404", description = "No such store order",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetails.class)))
    @GET
    @Path("{orderId}")
    public Uni<StoreOrderView> get(UUID orderId) {
        return storeOrders.find(orderId).onItem().ifNull().failWith(() -> notFound(orderId)).map(StoreOrderView::of);
    }

    @Operation(summary = "Accept an order", description = "The order goes to delivery.")
    @APIResponse(responseCode = "200", description = "The store order as it is now")
    @APIResponse(responseCode = "404", description = "No such store order",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetails.class)))
    @APIResponse(responseCode = "409", description = "Not allowed in the current state: the order is not waiting to be "
            + "accepted (orderId, currentState); or it was changed by another at the same moment: send it again after "
            + "Retry-After",
            headers = @Header(name = "Retry-After", description = "Seconds to wait", schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetails.class)))
    @POST
    @Path("{orderId}/accept")
    public Uni<StoreOrderView> accept(UUID orderId) {
        return storeOrders.accept(orderId).onItem().ifNull().failWith(() -> notFound(orderId)).map(StoreOrderView::of);
    }

    @Operation(summary = "Confirm a cancellation the buyer asked for",
            description = "The reserved stock goes back, and the order's payment is then refunded.")
    @APIResponse(responseCode = "200", description = "The store order as it is now")
    @APIResponse(responseCode = "404", description = "No such store order",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetails.class)))
    @APIResponse(responseCode = "409", description = "Not allowed in the current state: no cancellation of the order is "
            + "waiting to be confirmed (orderId, currentState); or it was changed by another at the same moment: send it "
            + "again after Retry-After",
            headers = @Header(name = "Retry-After", description = "Seconds to wait", schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetails.class)))
    @POST
    @Path("{orderId}/confirm-cancel")
    public Uni<StoreOrderView> confirmCancel(UUID orderId) {
        return storeOrders.confirmCancel(orderId).onItem().ifNull().failWith(() -> notFound(orderId))
                .map(StoreOrderView::of);
    }

    private static NotFoundException notFound(UUID orderId) {
        return new NotFoundException("No store order " + orderId);
    }
}
