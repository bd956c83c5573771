package dev.fashionshop.view.rest;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.RestStreamElementType;

import dev.fashionshop.view.service.MyOrderChanges;
import dev.fashionshop.view.service.MyOrderQueries;
import dev.fashionshop.view.service.MyOrderView;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/** The buyer's orders, answered from the view's own database only. Another buyer's order is 404. */
@Path("/api/my-orders")
@RolesAllowed("buyer")
public class MyOrderResource {

    @Inject
    MyOrderQueries queries;

    @Inject
    MyOrderChanges changes;

    @Inject
    JsonWebToken buyer;

    @GET
    public Uni<List<MyOrderView>> list(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return queries.list(buyer.getSubject(), page, size);
    }

    @GET
    @Path("{orderId}")
    public Uni<MyOrderView> get(UUID orderId) {
        return queries.find(orderId, buyer.getSubject())
                .onItem().ifNull().failWith(() -> new NotFoundException("No order " + orderId));
    }

    /** Server-sent events: each change of one of the buyer's orders, as the whole order. */
    @GET
    @Path("stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    public Multi<MyOrderView> stream() {
        return changes.of(buyer.getSubject());
    }
}
