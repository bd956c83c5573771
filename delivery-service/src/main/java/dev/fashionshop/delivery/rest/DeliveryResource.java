package dev.fashionshop.delivery.rest;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import dev.fashionshop.delivery.domain.Delivery;
import dev.fashionshop.delivery.domain.DeliveryStatus;
import dev.fashionshop.delivery.service.DeliveryService;
import io.smallrye.mutiny.Uni;

/** The owner follows deliveries and marks them delivered. */
@Path("/api/deliveries")
@RolesAllowed("owner")
public class DeliveryResource {

    @Inject
    DeliveryService deliveries;

    public record DeliveryView(UUID id, UUID orderId, String status, String buyerId, String shippingAddress) {

        static DeliveryView of(Delivery delivery) {
            return new DeliveryView(delivery.id, delivery.orderId, delivery.status.name(), delivery.buyerId,
                    delivery.shippingAddress);
        }
    }

    @GET
    public Uni<List<DeliveryView>> list(@QueryParam("status") DeliveryStatus status,
            @QueryParam("orderId") UUID orderId,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        if (orderId != null) {
            return deliveries.findByOrder(orderId).map(found -> found == null ? List.of() : List.of(DeliveryView.of(found)));
        }
        return deliveries.list(status, page, size).map(list -> list.stream().map(DeliveryView::of).toList());
    }

    @GET
    @Path("{id}")
    public Uni<DeliveryView> get(UUID id) {
        return deliveries.find(id).onItem().ifNull().failWith(() -> notFound(id)).map(DeliveryView::of);
    }

    @POST
    @Path("{id}/complete")
    public Uni<DeliveryView> complete(UUID id) {
        return deliveries.complete(id).onItem().ifNull().failWith(() -> notFound(id)).map(DeliveryView::of);
    }

    private static NotFoundException notFound(UUID id) {
        return new NotFoundException("No delivery " + id);
    }
}
