package dev.fashionshop.delivery.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import dev.fashionshop.delivery.persistence.DeliveryRepository;
import dev.fashionshop.support.messaging.Outbox;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;

/** Starts a delivery for each accepted order, and completes it when the courier delivered. */
@ApplicationScoped
public class DeliveryService {

    static final String TOPIC = "deliveries";
    private static final Logger LOG = Logger.getLogger(DeliveryService.class);

    @Inject
    DeliveryRepository deliveries;

    @Inject
    Outbox outbox;

    /** The data of DeliveryStarted, DeliveryCompleted and DeliveryCancelled (docs/events.md). */
    @RegisterForReflection
    public record DeliveryEvent(UUID deliveryId, UUID orderId, String buyerId, String status, String shippingAddress) {

        static DeliveryEvent of(Delivery delivery) {
            return new DeliveryEvent(delivery.id, delivery.orderId, delivery.buyerId, delivery.status.name(),
                    delivery.shippingAddress);
        }
    }

    /** Starts the delivery of an accepted order, once: runs in the consumer's transaction. */
    public Uni<Void> start(UUID orderId, String buyerId, String shippingAddress) {
        return deliveries.findByOrderId(orderId).chain(existing -> {
            if (existing != null) {
                LOG.infof("Order %s already has delivery %s (%s)", orderId, existing.id, existing.status);
                return Uni.createFrom().voidItem();
            }
            Delivery delivery = new Delivery();
            delivery.id = UUID.randomUUID();
            delivery.orderId = orderId;
            delivery.buyerId = buyerId;
            delivery.shippingAddress = shippingAddress;
            delivery.status = DeliveryStatus.STARTED;
            delivery.createdAt = Instant.now();
            delivery.updatedAt = delivery.createdAt;
            return deliveries.persist(delivery).call(d -> announce(d, "DeliveryStarted")).replaceWithVoid();
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
            delivery.moveTo(DeliveryStatus.CANCELLED);
            return announce(delivery, "DeliveryCancelled").replaceWithVoid();
        });
    }

    @WithTransaction
    public Uni<Delivery> complete(UUID deliveryId) {
        return deliveries.findById(deliveryId).chain(delivery -> {
            if (delivery == null) {
                return Uni.createFrom().nullItem();
            }
            delivery.moveTo(DeliveryStatus.COMPLETED);
            return announce(delivery, "DeliveryCompleted").replaceWith(delivery);
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

    private Uni<?> announce(Delivery delivery, String type) {
        return outbox.add(TOPIC, delivery.orderId.toString(), type, DeliveryEvent.of(delivery));
    }
}
