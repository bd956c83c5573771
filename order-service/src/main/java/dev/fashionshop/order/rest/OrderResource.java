package dev.fashionshop.order.rest;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
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
import org.jboss.resteasy.reactive.server.Cancellable;

import dev.fashionshop.order.domain.Order;
import dev.fashionshop.order.domain.OrderRequest;
import dev.fashionshop.order.service.OrderService;
import dev.fashionshop.support.idempotency.IdempotencyKey;
import dev.fashionshop.support.idempotency.IdempotencyKeys;
import dev.fashionshop.support.problem.Problem;
import io.smallrye.mutiny.Uni;

/** A buyer's orders. Another buyer's order does not exist for them (404). */
@Path("/api/orders")
@RolesAllowed("buyer")
public class OrderResource {

    /** More of one variant in one order than any buyer means: refused as input, not as stock. */
    static final int MAX_QUANTITY = 100;
    /** Seconds a buyer is asked to wait before paying a deferred order again: about the circuit breaker's delay. */
    static final int RETRY_AFTER_SECONDS = 10;

    @Inject
    OrderService orders;

    @Inject
    JsonWebToken buyer;

    @Inject
    UriInfo uriInfo;

    @Inject
    IdempotencyKeys idempotencyKeys;

    @Inject
    OrderAdmission admission;

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
     */
    @POST
    @Cancellable(false)
    public Uni<Response> place(HttpHeaders headers,
            @NotNull @Valid PlaceOrderRequest request) {
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

    @GET
    public Uni<List<OrderView>> list(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return orders.listForBuyer(buyer.getSubject(), page, size).map(list -> list.stream().map(OrderView::of).toList());
    }

    @GET
    @Path("{id}")
    public Uni<OrderView> get(UUID id) {
        return orders.findForBuyer(id, buyer.getSubject())
                .onItem().ifNull().failWith(() -> new NotFoundException("No order " + id))
                .map(OrderView::of);
    }

    @POST
    @Path("{id}/cancel")
    public Uni<OrderView> cancel(UUID id) {
        return orders.cancel(id, buyer.getSubject())
                .onItem().ifNull().failWith(() -> new NotFoundException("No order " + id))
                .map(OrderView::of);
    }

    private Response answer(Order order, boolean created) {
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
