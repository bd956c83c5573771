package dev.fashionshop.store.rest;

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

import dev.fashionshop.store.service.StoreOrderService;
import dev.fashionshop.store.domain.StoreOrderStatus;
import io.smallrye.mutiny.Uni;

/** The owner's view of the orders that reached the store, and the owner's decisions on them. */
@Path("/api/store/orders")
@RolesAllowed("owner")
public class StoreOrderResource {

    @Inject
    StoreOrderService storeOrders;

    @GET
    public Uni<List<StoreOrderView>> list(@QueryParam("status") StoreOrderStatus status,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return storeOrders.list(status, page, size).map(orders -> orders.stream().map(StoreOrderView::of).toList());
    }

    @GET
    @Path("{orderId}")
    public Uni<StoreOrderView> get(UUID orderId) {
        return storeOrders.find(orderId).onItem().ifNull().failWith(() -> notFound(orderId)).map(StoreOrderView::of);
    }

    @POST
    @Path("{orderId}/accept")
    public Uni<StoreOrderView> accept(UUID orderId) {
        return storeOrders.accept(orderId).onItem().ifNull().failWith(() -> notFound(orderId)).map(StoreOrderView::of);
    }

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
