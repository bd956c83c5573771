package dev.fashionshop.delivery.domain;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import dev.fashionshop.support.messaging.ShopEvent;
import dev.fashionshop.support.messaging.ShopTopics;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** The events delivery-service publishes on the deliveries topic (docs/events.md): each carries the delivery as it is. */
public sealed interface DeliveryEvent extends ShopEvent {

    String TOPIC = ShopTopics.DELIVERIES;

    DeliveryData delivery();

    @Override
    default String topic() {
        return TOPIC;
    }

    @Override
    default String key() {
        return delivery().orderId().toString();
    }

    /** The data every delivery event carries. */
    @RegisterForReflection
    record DeliveryData(UUID deliveryId, UUID orderId, String buyerId, String status, String shippingAddress) {

        static DeliveryData of(Delivery delivery) {
            return new DeliveryData(delivery.id, delivery.orderId, delivery.buyerId, delivery.status.name(),
                    delivery.shippingAddress);
        }
    }

    @RegisterForReflection
    record DeliveryStarted(@JsonUnwrapped DeliveryData delivery) implements DeliveryEvent {
    }

    @RegisterForReflection
    record DeliveryCompleted(@JsonUnwrapped DeliveryData delivery) implements DeliveryEvent {
    }

    @RegisterForReflection
    record DeliveryCancelled(@JsonUnwrapped DeliveryData delivery) implements DeliveryEvent {
    }
}
