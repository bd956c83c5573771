package dev.fashionshop.order.rest;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
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
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.Cancellable;

import dev.fashionshop.order.domain.Order;
import dev.fashionshop.order.domain.OrderRequest;
import dev.fashionshop.order.service.OrderService;
import dev.fashionshop.support.idempotency.IdempotencyKey;
import dev.fashionshop.support.idempotency.IdempotencyKeys;
import dev.fashionshop.support.problem.Problem;
import dev.fashionshop.support.tracing.SpanAttributes;
import io.opentelemetry.api.trace.Span;
import io.smallrye.mutiny.Uni;

/** A buyer's orders. Another buyer's order does not exist for them (404). */
@Path("/api/orders")
@RolesAllowed("buyer")
@Tag(name = "Orders", description = "A buyer's orders; another buyer's order does not exist for them (404)")
@SecurityRequirement(name = "bearer")
@APIResponse(responseCode = "401", description = "No valid bearer token")
@APIResponse(responseCode = "403", description = "The token is not a buyer's")
@APIResponse(responseCode = "500", description = "An unexpected failure; the problem tells nothing of it",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetails.class)))
public class OrderResource {

    /** More of one variant in one order than any buyer means: refused as input, not as stock. */
    static final int MAX_QUANTITY = 100;
    /** Seconds a buyer is asked to wait before paying a deferred order again: about the circuit breaker's delay. */
    static final int RETRY_AFTER_SECONDS = 10;

    private final OrderService orders;
    private final JsonWebToken buyer;
    private final UriInfo uriInfo;
    private final IdempotencyKeys idempotencyKeys;
    private final OrderAdmission admission;
    private final BuyerRateLimit rateLimit;

    OrderResource(OrderService orders, JsonWebToken buyer, UriInfo uriInfo, IdempotencyKeys idempotencyKeys,
            OrderAdmission admission, BuyerRateLimit rateLimit) {
        this.orders = orders;
        this.buyer = buyer;
        this.uriInfo = uriInfo;
        this.idempotencyKeys = idempotencyKeys;
        this.admission = admission;
        this.rateLimit = rateLimit;
    }

    public record LineRequest(@NotNull UUID itemId, @NotBlank @Size(max = 64) String sku,
            @NotNull @Min(1) @Max(MAX_QUANTITY) Integer quantity) {
    }

    public record PlaceOrderRequest(@NotEmpty @Size(max = 50) List<@NotNull @Valid LineRequest> lines,
            @NotBlank @Size(max = 500) String shippingAddress, @Size(max = 100) String paymentToken) {
    }

    /**
     * Places an order. With an Idempotency-Key, a repeat of the same request answers the first answer
     * again (marked Idempotent-Replayed) and creates nothing; the key with another request is a 422.
     * <p>
     * Not cancelled when the client goes away: a payment that was asked for is settled (and a paid order
     * handed to the store) whether or not anyone waits for the answer, instead of the order waiting,
     * PAYMENT_PENDING, for the sweep to defer it.
     * <p>
     * At most so many orders are placed at once per replica ({@link OrderAdmission}); beyond, the order is
     * refused at once (503, Retry-After, nothing stored) rather than queued for as long as the replica is
     * behind: a shop met by more than it can take (a cold start, a burst) keeps the orders it takes quick.
     * <p>
     * A buyer places at most so many orders a period on each replica (shop.orders.rate-limit); beyond, the
     * order is refused before anything is stored (429, Retry-After).
     */
    @Operation(summary = "Place an order", description = "Priced from the catalogue and paid at once.")
    @Parameter(name = IdempotencyKey.HEADER, in = ParameterIn.HEADER,
            description = "Any printable ASCII, kept a day for this buyer: the same request again answers the first answer "
                    + "again (Idempotent-Replayed: true) and creates nothing",
            schema = @Schema(type = SchemaType.STRING, maxLength = IdempotencyKey.MAX_LENGTH))
    @APIResponse(responseCode = "201", description = "Placed and paid",
            headers = {
                    @Header(name = "Location", description = "The order"),
                    @Header(name = "Idempotent-Replayed", description = "true when this is the first answer given again") },
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OrderView.class)))
    @APIResponse(responseCode = "400", description = "The request is not valid, or its lines do not match the catalogue (no "
            + "such item or variant, not enough stock): violations names each; or the Idempotency-Key is not usable",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetails.class)))
    @APIResponse(responseCode = "402", description = "Payment declined: the order (orderId, orderStatus PAYMENT_DECLINED) "
            + "will not be processed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetails.class)))
    @APIResponse(responseCode = "409", description = "The first request with this Idempotency-Key is still in progress, or "
            + "the order was changed by another at the same moment: send it again after Retry-After",
            headers = @Header(name = "Retry-After", description = "Seconds to wait", schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetails.class)))
    @APIResponse(responseCode = "422", description = "Idempotency-Key reused: the key was sent with another request",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetails.class)))
    @APIResponse(responseCode = "429", description = "Too many orders from this buyer: nothing was stored, send it again "
            + "after Retry-After",
            headers = @Header(name = "Retry-After", description = "Seconds to wait", schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetails.class)))
    @APIResponse(responseCode = "503", description = "Busy: nothing was stored, send the same order again after Retry-After. "
            + "Or Payment unavailable: the order is saved (orderId, orderStatus PAYMENT_DEFERRED), pay it at Location after "
            + "Retry-After",
            headers = {
                    @Header(name = "Retry-After", description = "Seconds to wait", schema = @Schema(type = SchemaType.INTEGER)),
                    @Header(name = "Location", description = "Payment unavailable: where to pay the order") },
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetails.class)))
    @POST
    @Cancellable(false)
    public Uni<Response> place(HttpHeaders headers,
            @NotNull @Valid PlaceOrderRequest request) {
        rateLimit.take(buyer.getSubject());
        return admission.admit(() -> placeAdmitted(headers, request));
    }

    private Uni<Response> placeAdmitted(HttpHeaders headers, PlaceOrderRequest request) {
        IdempotencyKey key = idempotencyKeys.keyFor(headers, buyer.getSubject(), "POST /api/orders", request);
        OrderRequest order = new OrderRequest(buyer.getSubject(),
                request.lines().stream().map(l -> new OrderRequest.Line(l.itemId(), l.sku(), l.quantity())).toList(),
                request.shippingAddress(), request.paymentToken());
        if (key == null) {
            return orders.place(order).map(placed -> answer(placed, true));
        }
        return orders.place(order, key, placed -> idempotencyKeys.record(answer(placed, true)))
                .map(placement -> placement.isReplay() ? placement.firstAnswer().toResponse() : answer(placement.order(), true));
    }

    public record PaymentRetry(@Size(max = 100) String paymentToken) {
    }

    /** The buyer pays a deferred order again: 200 when paid, 402 when declined, 503 again when payment is still unavailable. */
    @Operation(summary = "Pay a deferred order again")
    @RequestBody(required = false, description = "May be left out, or give no payment token")
    @APIResponse(responseCode = "200", description = "Paid",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OrderView.class)))
    @APIResponse(responseCode = "400", description = "The body is not valid: violations names each field",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetails.class)))
    @APIResponse(responseCode = "402", description = "Payment declined: the order (orderId, orderStatus PAYMENT_DECLINED) "
            + "will not be processed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetails.class)))
    @APIResponse(responseCode = "404", description = "No such order of this buyer",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetails.class)))
    @APIResponse(responseCode = "409", description = "Not allowed in the current state: the order (orderId) is not waiting "
            + "for its payment (currentState); or it was changed by another at the same moment: send it again after "
            + "Retry-After",
            headers = @Header(name = "Retry-After", description = "Seconds to wait", schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetails.class)))
    @APIResponse(responseCode = "503", description = "Payment unavailable: the order (orderId, orderStatus PAYMENT_DEFERRED) "
            + "stays saved, pay it again after Retry-After",
            headers = {
                    @Header(name = "Retry-After", description = "Seconds to wait", schema = @Schema(type = SchemaType.INTEGER)),
                    @Header(name = "Location", description = "Where to pay the order") },
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetails.class)))
    @POST
    @Path("{id}/payment")
    @Consumes(MediaType.APPLICATION_JSON)
    @Cancellable(false)
    public Uni<Response> pay(UUID id, @Valid PaymentRetry retry) {
        return orders.retryPayment(id, buyer.getSubject(), retry == null ? null : retry.paymentToken())
                .onItem().ifNull().failWith(() -> new NotFoundException("No order " + id))
                .map(order -> answer(order, false));
    }

    /** The same without a body (no payment token): what `curl -X POST` sends. */
    @POST
    @Path("{id}/payment")
    @Cancellable(false)
    public Uni<Response> payWithoutBody(UUID id) {
        return pay(id, null);
    }

    @Operation(summary = "The buyer's orders, a page at a time")
    @APIResponse(responseCode = "200", description = "The page of orders")
    @APIResponse(responseCode = "400", description = "page or size out of range: violations names each",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetails.class)))
    @GET
    public Uni<List<OrderView>> list(@QueryParam("page") @DefaultValue("0") @Min(0) @Max(100_000) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return orders.listForBuyer(buyer.getSubject(), page, size).map(list -> list.stream().map(OrderView::of).toList());
    }

    @Operation(summary = "One of the buyer's orders")
    @APIResponse(responseCode = "200", description = "The order")
    @APIResponse(responseCode = "404", description = "No such order of this buyer",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetails.class)))
    @GET
    @Path("{id}")
    public Uni<OrderView> get(UUID id) {
        return orders.findForBuyer(id, buyer.getSubject())
                .onItem().ifNull().failWith(() -> new NotFoundException("No order " + id))
                .map(OrderView::of);
    }

    @Operation(summary = "Cancel an order",
            description = "One never paid is CANCELLED at once; a paid one is CANCEL_REQUESTED until the store confirms.")
    @APIResponse(responseCode = "200", description = "Cancelled, or its cancellation requested")
    @APIResponse(responseCode = "404", description = "No such order of this buyer",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetails.class)))
    @APIResponse(responseCode = "409", description = "Not allowed in the current state: the order (orderId) can no longer be "
            + "cancelled (currentState); or it was changed by another at the same moment: send it again after Retry-After",
            headers = @Header(name = "Retry-After", description = "Seconds to wait", schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetails.class)))
    @POST
    @Path("{id}/cancel")
    public Uni<OrderView> cancel(UUID id) {
        return orders.cancel(id, buyer.getSubject())
                .onItem().ifNull().failWith(() -> new NotFoundException("No order " + id))
                .map(OrderView::of);
    }

    private Response answer(Order order, boolean created) {
        Span.current().setAttribute(SpanAttributes.ORDER_ID, order.id.toString());
        return switch (order.status) {
            case PAID -> created
                    ? Response.created(uriInfo.getAbsolutePathBuilder().path(order.id.toString()).build())
                            .entity(OrderView.of(order)).build()
                    : Response.ok(OrderView.of(order)).build();
            case PAYMENT_DECLINED -> Problem.of(402, "Payment declined", "The payment of order " + order.id
                    + " was declined; the order will not be processed.")
                    .with("orderId", order.id).with("orderStatus", order.status).toResponse();
            case PAYMENT_DEFERRED -> Response.fromResponse(Problem.of(503, "Payment unavailable",
                    "Order " + order.id + " is saved but could not be paid right now; please pay it a little later.")
                    .with("orderId", order.id).with("orderStatus", order.status).toResponse())
                    .header("Retry-After", RETRY_AFTER_SECONDS)
                    .location(uriInfo.getBaseUriBuilder().path("/api/orders/{id}/payment").build(order.id))
                    .build();
            default -> throw new IllegalStateException("Order " + order.id + " answered as " + order.status);
        };
    }
}
