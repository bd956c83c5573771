package dev.fashionshop.payment.domain;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import dev.fashionshop.support.messaging.ShopEvent;
import dev.fashionshop.support.messaging.ShopTopics;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** The events payment-service publishes on the payments topic (docs/events.md): each carries the payment as it is. */
public sealed interface PaymentEvent extends ShopEvent {

    String TOPIC = ShopTopics.PAYMENTS;

    PaymentData payment();

    @Override
    default String topic() {
        return TOPIC;
    }

    @Override
    default String key() {
        return payment().orderId().toString();
    }

    /** The data every payment event carries. */
    @RegisterForReflection
    record PaymentData(UUID paymentId, UUID orderId, String buyerId, long amount, String currency, String status,
            String reason) {

        static PaymentData of(Payment payment) {
            return new PaymentData(payment.id, payment.orderId, payment.buyerId, payment.amount, payment.currency,
                    payment.status.name(), payment.reason);
        }
    }

    @RegisterForReflection
    record PaymentApproved(@JsonUnwrapped PaymentData payment) implements PaymentEvent {
    }

    @RegisterForReflection
    record PaymentDeclined(@JsonUnwrapped PaymentData payment) implements PaymentEvent {
    }

    @RegisterForReflection
    record PaymentRefunded(@JsonUnwrapped PaymentData payment) implements PaymentEvent {
    }
}
