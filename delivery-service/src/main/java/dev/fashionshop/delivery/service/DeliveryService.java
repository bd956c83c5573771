package dev.fashionshop.delivery.service;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.fashionshop.delivery.domain.Delivery;
import dev.fashionshop.delivery.domain.DeliveryEvent.DeliveryCompleted;
import dev.fashionshop.delivery.domain.DeliveryStatus;
import dev.fashionshop.delivery.persistence.DeliveryRepository;
import dev.fashionshop.support.messaging.Outbox;
import dev.fashionshop.support.metrics.SagaStage;
import dev.fashionshop.support.metrics.SagaStages;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

/** Starts a delivery for each accepted order, and completes it when the courier delivered. */
@ApplicationScoped
public class DeliveryService {

    private static final Logger LOG = Logger.getLogger(DeliveryService.class);

    private final DeliveryRepository deliveries;
    private final Outbox outbox;
    private final SagaStages stages;

    DeliveryService(DeliveryRepository deliveries, Outbox outbox, SagaStages stages) {
        this.deliveries = deliveries;
        this.outbox = outbox;
        this.stages = stages;
    }

    /** Starts the delivery of an accepted order, once: runs in the consumer's transaction. */
    public Uni<Void> start(UUID orderId, String buyerId, String shippingAddress) {
        return deliveries.findByOrderId(orderId).chain(existing -> {
            if (existing != null) {
                LOG.infof("Order %s already has delivery %s (%s)", orderId, existing.id, existing.status);
                return Uni.createFrom().voidItem();
            }
            return deliveries.persist(Delivery.start(orderId, buyerId, shippingAddress))
                    .call(started -> outbox.add(started.started())).replaceWithVoid();
        });
    }

    /**
     * The owner confirmed the order's cancellation: a delivery still under way is cancelled
     * (DeliveryCancelled); one already completed stays so. Runs in the consumer's transaction.
     */
    public Uni<Void> cancel(UUID orderId) {
        return deliveries.findByOrderId(orderId).chain(delivery -> {
            if (delivery == null || !delivery.status.canBecome(DeliveryStatus.CANCELLED)) {
                LOG.infof("Cancellation of order %s: no delivery to cancel (%s)", orderId,
                        delivery == null ? "none" : delivery.status);
                return Uni.createFrom().voidItem();
            }
            return outbox.add(delivery.cancel());
        });
    }

    @WithTransaction
    public Uni<Delivery> complete(UUID deliveryId) {
        return deliveries.findById(deliveryId).chain(delivery -> {
            if (delivery == null) {
                return Uni.createFrom().nullItem();
            }
            DeliveryCompleted completed = delivery.complete();
            stages.took(SagaStage.ACCEPTED_TO_DELIVERED, delivery.createdAt, delivery.updatedAt);
            return outbox.add(completed).replaceWith(delivery);
        });
    }

    @WithSession
    public Uni<Delivery> find(UUID deliveryId) {
        return deliveries.findById(deliveryId);
    }

    @WithSession
    public Uni<Delivery> findByOrder(UUID orderId) {
        return deliveries.findByOrderId(orderId);
    }

    @WithSession
    public Uni<List<Delivery>> list(DeliveryStatus status, int page, int size) {
        var query = status == null
                ? deliveries.findAll(Sort.by("createdAt"))
                : deliveries.find("status", Sort.by("createdAt"), status);
        return query.page(Page.of(page, size)).list();
    }
}
