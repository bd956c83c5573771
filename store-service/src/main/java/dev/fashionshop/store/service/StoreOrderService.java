package dev.fashionshop.store.service;

import static dev.fashionshop.support.reactive.InSequence.inSequence;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.fashionshop.store.domain.ConsumedEvents.OrderPlaced;
import dev.fashionshop.store.domain.StockMovement;
import dev.fashionshop.store.domain.StoreOrder;
import dev.fashionshop.store.domain.StoreOrderEvent.StoreAccepted;
import dev.fashionshop.store.domain.StoreOrderEvent.StoreCancelled;
import dev.fashionshop.store.domain.StoreOrderEvent.StoreReceived;
import dev.fashionshop.store.domain.StoreOrderEvent.StoreRejected;
import dev.fashionshop.store.domain.StoreOrderStatus;
import dev.fashionshop.store.domain.Variant;
import dev.fashionshop.store.persistence.StockLedger;
import dev.fashionshop.store.persistence.StoreOrderRepository;
import dev.fashionshop.store.persistence.VariantRepository;
import dev.fashionshop.support.messaging.Outbox;
import dev.fashionshop.support.metrics.SagaStage;
import dev.fashionshop.support.metrics.SagaStages;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

/** Paid orders reaching the store: stock is reserved for them, and the owner accepts them. */
@ApplicationScoped
public class StoreOrderService {

    private static final Logger LOG = Logger.getLogger(StoreOrderService.class);

    private final StoreOrderRepository orders;
    private final VariantRepository variants;
    private final StockLedger ledger;
    private final Outbox outbox;
    private final SagaStages stages;

    StoreOrderService(StoreOrderRepository orders, VariantRepository variants, StockLedger ledger, Outbox outbox,
            SagaStages stages) {
        this.orders = orders;
        this.variants = variants;
        this.ledger = ledger;
        this.outbox = outbox;
        this.stages = stages;
    }

    /**
     * Takes a paid order: reserves every line's stock and records it RECEIVED (StoreReceived), or, when
     * any line cannot be supplied, reserves nothing and records it REJECTED (StoreRejected). Runs in the
     * consumer's transaction; an order already known is left alone.
     *
     * @param paidAt when the order was paid (its OrderPlaced event)
     */
    public Uni<Void> receive(OrderPlaced placed, Instant paidAt) {
        return orders.findById(placed.orderId()).chain(known -> {
            if (known != null) {
                LOG.infof("Order %s is already known to the store (%s); ignoring OrderPlaced", placed.orderId(), known.status);
                return Uni.createFrom().voidItem();
            }
            StoreOrder order = StoreOrder.of(placed);
            return variants.findBySkus(placed.lines().stream().map(OrderPlaced.Line::sku).toList())
                    .map(found -> found.stream().collect(Collectors.toMap(v -> v.sku, Function.identity())))
                    .chain(stock -> {
                        String shortage = shortage(placed, stock);
                        if (shortage != null) {
                            StoreRejected rejected = order.reject(shortage);
                            return orders.persist(order).call(() -> outbox.add(rejected)).replaceWithVoid();
                        }
                        StoreReceived received = order.received();
                        stages.took(SagaStage.PAID_TO_RECEIVED, paidAt, order.receivedAt);
                        List<StockMovement> reserved = placed.lines().stream()
                                .map(line -> stock.get(line.sku()).reserve(line.quantity(), order.orderId)).toList();
                        List<Variant> changed = placed.lines().stream().map(l -> stock.get(l.sku())).distinct().toList();
                        return orders.persist(order).call(() -> ledger.record(reserved))
                                .call(() -> outbox.add(received))
                                .call(() -> inSequence(changed, variant -> outbox.add(variant.stockChanged(order.orderId))))
                                .replaceWithVoid();
                    });
        });
    }

    @WithTransaction
    public Uni<StoreOrder> accept(UUID orderId) {
        return orders.findById(orderId).chain(order -> {
            if (order == null) {
                return Uni.createFrom().nullItem();
            }
            StoreAccepted accepted = order.accept();
            stages.took(SagaStage.RECEIVED_TO_ACCEPTED, order.receivedAt, order.updatedAt);
            return outbox.add(accepted).replaceWith(order);
        });
    }

    /** The buyer asked to cancel: the owner is to confirm. Runs in the consumer's transaction. */
    public Uni<Void> requestCancel(UUID orderId) {
        return orders.findById(orderId).invoke(order -> {
            if (order == null || !order.status.canBecome(StoreOrderStatus.CANCEL_REQUESTED)) {
                LOG.infof("Cancellation of order %s: nothing to cancel at the store (%s)", orderId,
                        order == null ? "unknown" : order.status);
                return;
            }
            order.requestCancel();
        }).replaceWithVoid();
    }

    /** The owner confirms a cancellation: the reserved stock goes back, StoreCancelled is published. */
    @WithTransaction
    public Uni<StoreOrder> confirmCancel(UUID orderId) {
        return orders.findById(orderId).chain(order -> {
            if (order == null) {
                return Uni.createFrom().nullItem();
            }
            StoreCancelled cancelled = order.confirmCancel();
            return variants.findBySkus(order.lines.stream().map(l -> l.sku).distinct().toList()).chain(found -> {
                Map<String, Variant> stock = found.stream().collect(Collectors.toMap(v -> v.sku, Function.identity()));
                List<StockMovement> givenBack = order.lines.stream()
                        .map(line -> stock.get(line.sku).release(line.quantity, order.orderId)).toList();
                return ledger.record(givenBack).call(() -> outbox.add(cancelled))
                        .call(() -> inSequence(stock.values(), variant -> outbox.add(variant.stockChanged(order.orderId))))
                        .replaceWith(order);
            });
        });
    }

    @WithSession
    public Uni<List<StoreOrder>> list(StoreOrderStatus status, int page, int size) {
        var query = status == null
                ? orders.findAll(Sort.by("receivedAt"))
                : orders.find("status", Sort.by("receivedAt"), status);
        return query.page(Page.of(page, size)).list();
    }

    @WithSession
    public Uni<StoreOrder> find(UUID orderId) {
        return orders.findById(orderId);
    }

    /** Why the order cannot be supplied, or null when it can. Lines of the same SKU add up. */
    private static String shortage(OrderPlaced placed, Map<String, Variant> stock) {
        Map<String, Integer> wanted = placed.lines().stream()
                .collect(Collectors.groupingBy(OrderPlaced.Line::sku, Collectors.summingInt(OrderPlaced.Line::quantity)));
        for (var entry : wanted.entrySet()) {
            Variant variant = stock.get(entry.getKey());
            if (variant == null) {
                return "unknown SKU " + entry.getKey();
            }
            if (!variant.canSupply(entry.getValue())) {
                return "only " + variant.stock + " of " + entry.getKey() + " in stock, " + entry.getValue() + " ordered";
            }
        }
        return null;
    }
}
