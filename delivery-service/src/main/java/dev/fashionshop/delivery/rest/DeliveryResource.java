package dev.fashionshop.delivery.rest;

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

import dev.fashionshop.delivery.domain.Delivery;
import dev.fashionshop.delivery.domain.DeliveryStatus;
import dev.fashionshop.delivery.service.DeliveryService;
import dev.fashionshop.support.problem.Problem;
import io.smallrye.mutiny.Uni;

/** The owner follows deliveries and marks them delivered. */
@Path("/api/deliveries")
@RolesAllowed("owner")
@Tag(name = "Deliveries", description = "The owner follows deliveries and marks them delivered")
@SecurityRequirement(name = "bearer")
@APIResponse(responseCode = "401", description = "No valid bearer token")
@APIResponse(responseCode = "403", description = "The token is not the owner's")
@APIResponse(responseCode = "500", description = "An unexpected failure; the problem tells nothing of it",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetails.class)))
public class DeliveryResource {

    private final DeliveryService deliveries;

    DeliveryResource(DeliveryService deliveries) {
        this.deliveries = deliveries;
    }

    public record DeliveryView(UUID id, UUID orderId, String status, String buyerId, String shippingAddress) {

        static DeliveryView of(Delivery delivery) {
            return new DeliveryView(delivery.id, delivery.orderId, delivery.status.name(), delivery.buyerId,
                    delivery.shippingAddress);
        }
    }

    @Operation(summary = "The deliveries, a page at a time, optionally of one status; or the one of an order")
    @APIResponse(responseCode = "200", description = "The deliveries (with orderId: none or the order's one)")
    @APIResponse(responseCode = "400", description = "page or size out of range: violations names each",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetails.class)))
    @GET
    public Uni<List<DeliveryView>> list(@QueryParam("status") DeliveryStatus status,
            @QueryParam("orderId") UUID orderId,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100_000) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        if (orderId != null) {
            return deliveries.findByOrder(orderId).map(found -> found == null ? List.of() : List.of(DeliveryView.of(found)));
        }
        return deliveries.list(status, page, size).map(list -> list.stream().map(DeliveryView::of).toList());
    }

    @Operation(summary = "One delivery")
    @APIResponse(responseCode = "200", description = "The delivery")
    @APIResponse(responseCode = "404", description = "No such delivery",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetails.class)))
    @GET
    @Path("{id}")
    public Uni<DeliveryView> get(UUID id) {
        return deliveries.find(id).onItem().ifNull().failWith(() -> notFound(id)).map(DeliveryView::of);
    }

    @Operation(summary = "Mark a delivery delivered")
    @APIResponse(responseCode = "200", description = "The delivery, delivered")
    @APIResponse(responseCode = "404", description = "No such delivery",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetails.class)))
    @APIResponse(responseCode = "409", description = "Not allowed in the current state: the delivery (deliveryId, orderId) "
            + "is no longer STARTED (currentState); or it was changed by another at the same moment: send it again after "
            + "Retry-After",
            headers = @Header(name = "Retry-After", description = "Seconds to wait", schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetails.class)))
    @POST
    @Path("{id}/complete")
    public Uni<DeliveryView> complete(UUID id) {
        return deliveries.complete(id).onItem().ifNull().failWith(() -> notFound(id)).map(DeliveryView::of);
    }

    private static NotFoundException notFound(UUID id) {
        return new NotFoundException("No delivery " + id);
    }
}
