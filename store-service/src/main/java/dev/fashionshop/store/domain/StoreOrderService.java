package dev.fashionshop.store.domain;

import static dev.fashionshop.support.reactive.InSequence.inSequence;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import dev.fashionshop.store.messaging.OrderPlaced;
import dev.fashionshop.store.messaging.StoreEventPublisher;
import dev.fashionshop.store.persistence.StockLedger;
import dev.fashionshop.store.persistence.StoreOrderRepository;
import dev.fashionshop.store.persistence.VariantRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

/** Paid orders reaching the store: stock is reserved for them, and the owner accepts them. */
@ApplicationScoped
public class StoreOrderService {

    private static final Logger LOG = Logger.getLogger(StoreOrderService.class);

    @Inject
    StoreOrderRepository orders;

    @Inject
    VariantRepository variants;

    @Inject
    StockLedger ledger;

    @Inject
    StoreEventPublisher events;

    /**
     * Takes a paid order: reserves every line's stock and records it RECEIVED (StoreReceived), or, when
     * any line cannot be supplied, reserves nothing and records it REJECTED (StoreRejected). Runs in the
     * consumer's transaction; an order already known is left alone.
     */
    public Uni<Void> receive(OrderPlaced placed) {
        return orders.findById(placed.orderId()).chain(known -> {
            if (known != null) {
                LOG.infof("Order %s is already known to the store (%s); ignoring OrderPlaced", placed.orderId(), known.status);
                return Uni.createFrom().voidItem();
            }
            StoreOrder order = newOrder(placed);
            return variants.findBySkus(placed.lines().stream().map(OrderPlaced.Line::sku).toList())
                    .map(found -> found.stream().collect(Collectors.toMap(v -> v.sku, Function.identity())))
                    .chain(stock -> {
                        String shortage = shortage(placed, stock);
                        if (shortage != null) {
                            order.status = StoreOrderStatus.REJECTED;
                            order.reason = shortage;
                            return orders.persist(order).call(events::storeRejected).replaceWithVoid();
                        }
                        order.status = StoreOrderStatus.RECEIVED;
                        placed.lines().forEach(line -> stock.get(line.sku()).take(line.quantity()));
                        List<StockMovement> reserved = placed.lines().stream().map(line -> StockMovement.of(line.sku(),
                                -line.quantity(), StockMovement.Reason.RESERVED, order.orderId)).toList();
                        List<Variant> changed = placed.lines().stream().map(l -> stock.get(l.sku())).distinct().toList();
                        return orders.persist(order).call(() -> ledger.record(reserved))
                                .call(() -> events.storeReceived(order))
                                .call(() -> inSequence(changed, variant -> events.stockChanged(variant, order)))
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
            order.moveTo(StoreOrderStatus.ACCEPTED);
            return events.storeAccepted(order).replaceWith(order);
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
            order.moveTo(StoreOrderStatus.CANCEL_REQUESTED);
        }).replaceWithVoid();
    }

    /** The owner confirms a cancellation: the reserved stock goes back, StoreCancelled is published. */
    @WithTransaction
    public Uni<StoreOrder> confirmCancel(UUID orderId) {
        return orders.findById(orderId).chain(order -> {
            if (order == null) {
                return Uni.createFrom().nullItem();
            }
            order.moveTo(StoreOrderStatus.CANCELLED);
            return variants.findBySkus(order.lines.stream().map(l -> l.sku).distinct().toList()).chain(found -> {
                Map<String, Variant> stock = found.stream().collect(Collectors.toMap(v -> v.sku, Function.identity()));
                order.lines.forEach(line -> stock.get(line.sku).stock += line.quantity);
                List<StockMovement> givenBack = order.lines.stream().map(line -> StockMovement.of(line.sku,
                        line.quantity, StockMovement.Reason.RELEASED, order.orderId)).toList();
                return ledger.record(givenBack).call(() -> events.storeCancelled(order))
                        .call(() -> inSequence(stock.values(), variant -> events.stockChanged(variant, order)))
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

    private static StoreOrder newOrder(OrderPlaced placed) {
        StoreOrder order = new StoreOrder();
        order.orderId = placed.orderId();
        order.buyerId = placed.buyerId();
        order.totalAmount = placed.totalAmount();
        order.currency = placed.currency();
        order.shippingAddress = placed.shippingAddress();
        order.receivedAt = Instant.now();
        order.updatedAt = order.receivedAt;
        placed.lines().forEach(l -> order.lines.add(new StoreOrderLine(l.itemId(), l.sku(), l.quantity(), l.unitPrice())));
        return order;
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
