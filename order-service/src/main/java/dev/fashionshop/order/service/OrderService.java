package dev.fashionshop.order.service;

import static dev.fashionshop.support.reactive.InSequence.inSequence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.fashionshop.order.client.PaymentClient;
import dev.fashionshop.order.client.PaymentGateway;
import dev.fashionshop.order.domain.CatalogueItem;
import dev.fashionshop.order.domain.CatalogueVariant;
import dev.fashionshop.order.domain.InvalidOrderException;
import dev.fashionshop.order.domain.Order;
import dev.fashionshop.order.domain.OrderEvent.OrderCancelled;
import dev.fashionshop.order.domain.OrderEvent.OrderExpired;
import dev.fashionshop.order.domain.OrderEvent.PaymentDeferred;
import dev.fashionshop.order.domain.OrderLine;
import dev.fashionshop.order.domain.OrderRequest;
import dev.fashionshop.order.domain.OrderStatus;
import dev.fashionshop.order.persistence.CatalogueRepository;
import dev.fashionshop.order.persistence.OrderRepository;
import dev.fashionshop.support.domain.IllegalTransitionException;
import dev.fashionshop.support.idempotency.FirstRequest;
import dev.fashionshop.support.idempotency.IdempotencyKey;
import dev.fashionshop.support.idempotency.IdempotencyKeys;
import dev.fashionshop.support.idempotency.RecordedAnswer;
import dev.fashionshop.support.idempotency.RequestInProgressException;
import dev.fashionshop.support.messaging.Outbox;
import dev.fashionshop.support.metrics.SagaStage;
import dev.fashionshop.support.metrics.SagaStages;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Takes orders: validates and prices them from the catalogue replica, stores them, has them paid
 * synchronously, and only then hands a paid order to the store (OrderPlaced, through the outbox).
 */
@ApplicationScoped
public class OrderService {

    private static final Logger LOG = Logger.getLogger(OrderService.class);
    /** The most orders one transaction of a timer moves. */
    static final int BATCH = 100;

    private final OrderRepository orders;
    private final CatalogueRepository catalogue;
    private final PaymentGateway payments;
    private final Outbox outbox;
    private final IdempotencyKeys idempotencyKeys;
    private final OrderOutcomes outcomes;
    private final SagaStages stages;

    OrderService(OrderRepository orders, CatalogueRepository catalogue, PaymentGateway payments, Outbox outbox,
            IdempotencyKeys idempotencyKeys, OrderOutcomes outcomes, SagaStages stages) {
        this.orders = orders;
        this.catalogue = catalogue;
        this.payments = payments;
        this.outbox = outbox;
        this.idempotencyKeys = idempotencyKeys;
        this.outcomes = outcomes;
        this.stages = stages;
    }

    /** Stores the order, has it paid, and answers it PAID, PAYMENT_DECLINED or PAYMENT_DEFERRED. */
    public Uni<Order> place(OrderRequest request) {
        return store(request)
                .chain(order -> pay(order, request.paymentToken(), null));
    }

    /**
     * The same under an Idempotency-Key: the key is claimed in the order's own transaction, so that
     * of several requests with one key exactly one stores an order and has it paid; its answer
     * ({@code answerOf} the settled order) is recorded with the payment's outcome and given again to the
     * others.
     *
     * @throws RequestInProgressException when the first request with the key is still being paid
     * @throws dev.fashionshop.support.idempotency.IdempotencyKeyReusedException when the key came with another request
     */
    public Uni<Placement> place(OrderRequest request, IdempotencyKey key, Function<Order, RecordedAnswer> answerOf) {
        return storeOnce(request, key)
                .onFailure(InvalidOrderException.class).recoverWithUni(invalid -> replayEarlier(key, invalid))
                .chain(placement -> placement.isReplay() || placement.order().status != OrderStatus.PAYMENT_PENDING
                        ? Uni.createFrom().item(placement)
                        : pay(placement.order(), request.paymentToken(), answered(key, answerOf)).map(Placement::of));
    }

    /**
     * The buyer cancels. A paid order becomes CANCEL_REQUESTED and waits for the store's confirmation
     * and the refund; an order never paid is CANCELLED at once. Either way OrderCancelled is published.
     *
     * @return the order, or null when the buyer has no such order
     * @throws IllegalTransitionException when it is too late (delivered) or already over
     */
    @WithTransaction
    public Uni<Order> cancel(UUID id, String buyerId) {
        return orders.findForBuyer(id, buyerId).chain(order -> {
            if (order == null) {
                return Uni.createFrom().nullItem();
            }
            OrderCancelled cancelled = order.cancel();
            outcomes.reached(order);
            return outbox.add(cancelled).replaceWith(order);
        });
    }

    /** Expires the orders deferred before the given time (at most a batch of them); answers how many. */
    @WithTransaction
    public Uni<Integer> expireDeferred(Instant deferredBefore) {
        return orders.inStateSince(OrderStatus.PAYMENT_DEFERRED, deferredBefore, BATCH).chain(expiring -> {
            List<OrderExpired> expired = expiring.stream().map(Order::expire).toList();
            expiring.forEach(outcomes::reached);
            return inSequence(expired, outbox::add).replaceWith(expiring.size());
        });
    }

    /**
     * Defers the orders whose payment call started before the given time and never settled: order-service
     * stopped between the call and its answer. Whether the payment went through is unknown, so the order
     * is treated as deferred: the buyer pays again (payment-service answers the first result for the
     * order), or it expires and a payment that did go through is refunded.
     */
    @WithTransaction
    public Uni<Integer> deferUnsettled(Instant pendingBefore) {
        return orders.inStateSince(OrderStatus.PAYMENT_PENDING, pendingBefore, BATCH).chain(unsettled -> {
            return inSequence(unsettled, order -> {
                PaymentDeferred deferred = order.defer("payment outcome unknown");
                outcomes.reached(order);
                return outbox.add(deferred);
            }).replaceWith(unsettled.size());
        });
    }

    @WithSession
    public Uni<Order> findForBuyer(UUID id, String buyerId) {
        return orders.findForBuyer(id, buyerId);
    }

    @WithSession
    public Uni<List<Order>> listForBuyer(String buyerId, int page, int size) {
        return orders.listForBuyer(buyerId, page, size);
    }

    /**
     * Follows the saga: moves the order to the state an event of another service implies. A late,
     * duplicate or out-of-order event that the state does not allow is ignored and logged. Runs in the
     * consumer's transaction.
     *
     * @param at when the event happened
     */
    public Uni<Void> follow(UUID orderId, OrderStatus next, String because, Instant at) {
        return orders.findById(orderId).invoke(order -> {
            if (order == null) {
                LOG.warnf("%s for unknown order %s; ignored", because, orderId);
            } else if (!order.status.canBecome(next)) {
                LOG.infof("%s: order %s is %s and stays so (not %s)", because, orderId, order.status, next);
            } else {
                if (order.status == OrderStatus.CANCEL_REQUESTED && next == OrderStatus.CANCELLED) {
                    stages.took(SagaStage.CANCEL_REQUESTED_TO_REFUNDED, order.updatedAt, at);
                }
                order.moveTo(next);
                outcomes.reached(order);
            }
        }).replaceWithVoid();
    }

    /** The order the request asks for, priced from the catalogue replica; in the caller's transaction. */
    private Uni<Order> priced(OrderRequest request) {
        List<UUID> itemIds = request.lines().stream().map(OrderRequest.Line::itemId).distinct().toList();
        List<String> skus = request.lines().stream().map(OrderRequest.Line::sku).distinct().toList();
        return catalogue.items(itemIds).chain(items -> catalogue.variants(skus).map(variants -> {
            Map<UUID, CatalogueItem> itemsById = items.stream().collect(Collectors.toMap(i -> i.itemId, Function.identity()));
            Map<String, CatalogueVariant> variantsBySku = variants.stream()
                    .collect(Collectors.toMap(v -> v.sku, Function.identity()));
            return newOrder(request, itemsById, variantsBySku);
        }));
    }

    /** Prices the order from the catalogue replica and stores it, in one transaction. */
    @WithTransaction
    Uni<Order> store(OrderRequest request) {
        return priced(request).chain(orders::persist);
    }

    @WithTransaction
    Uni<Placement> storeOnce(OrderRequest request, IdempotencyKey key) {
        return priced(request).chain(order -> idempotencyKeys.claim(key, order.id.toString()).chain(first -> first == null
                ? orders.persist(order).map(Placement::of)
                : replay(key, first)));
    }

    /**
     * A repeat the catalogue now refuses (its item sold out since the first request) is still a repeat:
     * it gets the first request's answer, not a 400 for an order it did not ask for twice.
     */
    @WithSession
    Uni<Placement> replayEarlier(IdempotencyKey key, Throwable invalid) {
        return idempotencyKeys.find(key).chain(first -> first == null
                ? Uni.createFrom().failure(invalid)
                : replay(key, first));
    }

    /**
     * A repeat: the first answer when it was recorded; otherwise the order as it is now (its service
     * stopped before answering, and the order was settled since), or 409 while it is still being paid.
     */
    private Uni<Placement> replay(IdempotencyKey key, FirstRequest first) {
        if (first.answer() != null) {
            return Uni.createFrom().item(new Placement(null, first.answer()));
        }
        return orders.findById(UUID.fromString(first.resourceId())).map(order -> {
            if (order.status == OrderStatus.PAYMENT_PENDING) {
                throw new RequestInProgressException(key.key(), first.resourceId());
            }
            return Placement.of(order);
        });
    }

    /** Records the answer of a settled order under its key, in the transaction that settled it. */
    private Function<Order, Uni<Void>> answered(IdempotencyKey key, Function<Order, RecordedAnswer> answerOf) {
        return order -> idempotencyKeys.answered(key, answerOf.apply(order));
    }

    /**
     * The buyer pays a deferred order again (any order not yet settled: PAYMENT_DEFERRED). Paying is
     * idempotent per order at payment-service, so a payment that went through before answers as such.
     *
     * @return the order, or null when the buyer has no such order
     * @throws IllegalTransitionException when the order is not waiting for its payment
     */
    public Uni<Order> retryPayment(UUID id, String buyerId, String paymentToken) {
        return markPending(id, buyerId).chain(order -> order == null ? Uni.createFrom().nullItem() : pay(order, paymentToken, null));
    }

    /** Back to PAYMENT_PENDING while the call is in flight: neither a cancellation nor the expiry can cross it. */
    @WithTransaction
    Uni<Order> markPending(UUID id, String buyerId) {
        return orders.findForBuyer(id, buyerId).invoke(order -> {
            if (order != null) {
                order.moveTo(OrderStatus.PAYMENT_PENDING);
            }
        });
    }

    /** @param onSettled what else the settling transaction does with the settled order (null: nothing) */
    private Uni<Order> pay(Order order, String paymentToken, Function<Order, Uni<Void>> onSettled) {
        return payments.pay(new PaymentClient.PaymentRequest(order.id, order.totalAmount, order.currency, paymentToken))
                .chain(answer -> settle(order, answer, onSettled));
    }

    @WithTransaction
    Uni<Order> settle(Order order, PaymentGateway.Answer answer, Function<Order, Uni<Void>> onSettled) {
        return settle(order, answer).call(settled -> onSettled != null && settled.status.isPaymentOutcome()
                ? onSettled.apply(settled)
                : Uni.createFrom().voidItem());
    }

    /**
     * Applies the payment's answer to the order as it was before the call, and writes it with one update
     * guarded by the order's version, instead of reading the order back: only when something changed it
     * meanwhile is it read again, and the answer not applied.
     */
    private Uni<Order> settle(Order order, PaymentGateway.Answer answer) {
        int versionBeforeTheCall = order.version;
        if (!answer.available()) {
            order.moveTo(OrderStatus.PAYMENT_DEFERRED);
        } else {
            order.paymentId = answer.result().paymentId();
            order.moveTo(answer.result().approved() ? OrderStatus.PAID : OrderStatus.PAYMENT_DECLINED);
        }
        return orders.updateIfUnchanged(order, versionBeforeTheCall).chain(written -> {
            if (!written) {
                return changedDuringThePayment(order.id);
            }
            order.version = versionBeforeTheCall + 1;
            outcomes.reached(order);
            return announceSettled(order, answer).replaceWith(order);
        });
    }

    private Uni<Void> announceSettled(Order order, PaymentGateway.Answer answer) {
        return switch (order.status) {
            case PAID -> outbox.add(order.placed());
            case PAYMENT_DEFERRED -> outbox.add(order.deferred(answer.unavailableBecause()));
            default -> Uni.createFrom().voidItem();
        };
    }

    /** The sweep deferred it meanwhile (the call outlived shop.orders.pending-timeout): the buyer pays again. */
    private Uni<Order> changedDuringThePayment(UUID orderId) {
        return orders.findById(orderId).invoke(current -> LOG.infof(
                "Order %s became %s while its payment was asked for; the answer is not applied", orderId, current.status));
    }


    private static Order newOrder(OrderRequest request, Map<UUID, CatalogueItem> items,
            Map<String, CatalogueVariant> variants) {
        List<InvalidOrderException.Violation> violations = new ArrayList<>();
        Map<String, Integer> wantedPerSku = new HashMap<>();
        Order order = new Order();
        for (int i = 0; i < request.lines().size(); i++) {
            OrderRequest.Line line = request.lines().get(i);
            String at = "lines[" + i + "]";
            CatalogueItem item = items.get(line.itemId());
            CatalogueVariant variant = variants.get(line.sku());
            if (item == null) {
                violations.add(new InvalidOrderException.Violation(at + ".itemId", "no such item"));
                continue;
            }
            if (variant == null || !variant.itemId.equals(item.itemId)) {
                violations.add(new InvalidOrderException.Violation(at + ".sku", "no such variant of this item"));
                continue;
            }
            int wanted = wantedPerSku.merge(line.sku(), line.quantity(), Integer::sum);
            if (wanted > variant.stock) {
                violations.add(new InvalidOrderException.Violation(at + ".quantity",
                        "only " + variant.stock + " in stock"));
            }
            if (order.currency != null && !order.currency.equals(item.currency)) {
                violations.add(new InvalidOrderException.Violation(at + ".itemId", "priced in another currency"));
            }
            order.currency = item.currency;
            order.lines.add(new OrderLine(item.itemId, line.sku(), line.quantity(), item.price));
        }
        if (!violations.isEmpty()) {
            throw new InvalidOrderException(violations);
        }
        order.id = UUID.randomUUID();
        order.buyerId = request.buyerId();
        order.status = OrderStatus.PAYMENT_PENDING;
        order.shippingAddress = request.shippingAddress();
        order.totalAmount = order.lines.stream().mapToLong(OrderLine::amount).sum();
        order.createdAt = Instant.now();
        order.updatedAt = order.createdAt;
        return order;
    }
}
