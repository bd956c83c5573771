package dev.fashionshop.delivery.persistence;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.fashionshop.delivery.domain.Delivery;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class DeliveryRepository implements PanacheRepositoryBase<Delivery, UUID> {

    public Uni<Delivery> findByOrderId(UUID orderId) {
        return find("orderId", orderId).firstResult();
    }
}
