package dev.fashionshop.view.rest;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestStreamElementType;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import dev.fashionshop.support.problem.Problem;
import dev.fashionshop.view.service.MyOrderChanges;
import dev.fashionshop.view.service.MyOrderQueries;
import dev.fashionshop.view.service.MyOrderView;
import dev.fashionshop.view.service.TooManyStreamsException;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/** The buyer's orders, answered from the view's own database only. Another buyer's order is 404. */
@Path("/api/my-orders")
@RolesAllowed("buyer")
@Tag(name = "My orders", description = "A buyer's orders with their payment, store and delivery, as the view has them; "
        + "another buyer's order does not exist for them (404)")
@SecurityRequirement(name = "bearer")
@APIResponse(responseCode = "401", description = "No valid bearer token")
@APIResponse(responseCode = "403", description = "The token is not a buyer's")
@APIResponse(responseCode = "500", description = "An unexpected failure; the problem tells nothing of it",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetails.class)))
public class MyOrderResource {

    /** Seconds a buyer refused one more stream waits before trying again: about how long a page is left open. */
    static final int STREAM_RETRY_AFTER_SECONDS = 30;

    private final MyOrderQueries queries;
    private final MyOrderChanges changes;
    private final JsonWebToken buyer;

    MyOrderResource(MyOrderQueries queries, MyOrderChanges changes, JsonWebToken buyer) {
        this.queries = queries;
        this.changes = changes;
        this.buyer = buyer;
    }

    @Operation(summary = "The buyer's orders, a page at a time")
    @APIResponse(responseCode = "200", description = "The page of orders")
    @APIResponse(responseCode = "400", description = "page or size out of range: violations names each",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetails.class)))
    @GET
    public Uni<List<MyOrderView>> list(@QueryParam("page") @DefaultValue("0") @Min(0) @Max(100_000) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return queries.list(buyer.getSubject(), page, size);
    }

    @Operation(summary = "One of the buyer's orders, with its timeline")
    @APIResponse(responseCode = "200", description = "The order")
    @APIResponse(responseCode = "404", description = "No such order of this buyer",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetails.class)))
    @GET
    @Path("{orderId}")
    public Uni<MyOrderView> get(UUID orderId) {
        return queries.find(orderId, buyer.getSubject())
                .onItem().ifNull().failWith(() -> new NotFoundException("No order " + orderId));
    }

    /** Server-sent events: each change of one of the buyer's orders, as the whole order. */
    @Operation(summary = "The buyer's orders as they change (server-sent events)")
    @APIResponse(responseCode = "200", description = "An event, the whole order as JSON, each time one of the buyer's "
            + "orders changes")
    @APIResponse(responseCode = "429", description = "The buyer already holds as many streams open as one buyer may "
            + "(shop.my-orders.streams-per-buyer): close one first, or try again after Retry-After",
            headers = @Header(name = "Retry-After", description = "Seconds to wait", schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetails.class)))
    @GET
    @Path("stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    public Multi<MyOrderView> stream() {
        return changes.of(buyer.getSubject());
    }

    @ServerExceptionMapper
    public Response tooManyStreams(TooManyStreamsException e) {
        return Response.fromResponse(Problem.of(429, "Too Many Requests", e.getMessage()).toResponse())
                .header("Retry-After", STREAM_RETRY_AFTER_SECONDS)
                .build();
    }
}
