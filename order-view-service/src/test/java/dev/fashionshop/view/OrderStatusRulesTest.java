package dev.fashionshop.view;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.fashionshop.view.domain.OrderStatusRules;

/** The view's status from the facts each service reported, including the ones order-service alone decides. */
class OrderStatusRulesTest {

    @Test
    void aPaymentApprovedAfterTheCallTimedOutDoesNotMakeADeferredOrderPaid() {
        assertThat(OrderStatusRules.derive("PAYMENT_DEFERRED", "APPROVED", null, null)).isEqualTo("PAYMENT_DEFERRED");
        assertThat(OrderStatusRules.derive("EXPIRED", "APPROVED", null, null)).isEqualTo("EXPIRED");
        assertThat(OrderStatusRules.derive("EXPIRED", "REFUNDED", null, null)).isEqualTo("EXPIRED");
        assertThat(OrderStatusRules.derive("PAID", "APPROVED", null, null)).isEqualTo("PAID");
    }

    @Test
    void theFurthestStepOfTheSagaWins() {
        assertThat(OrderStatusRules.derive(null, "APPROVED", null, null)).isEqualTo("PAID");
        assertThat(OrderStatusRules.derive("PAID", "APPROVED", "ACCEPTED", "STARTED")).isEqualTo("SHIPPING");
        assertThat(OrderStatusRules.derive("PAID", "REFUNDED", "REJECTED", null)).isEqualTo("REJECTED");
        assertThat(OrderStatusRules.derive("CANCEL_REQUESTED", "APPROVED", "ACCEPTED", "COMPLETED")).isEqualTo("CANCEL_REQUESTED");
        assertThat(OrderStatusRules.derive("CANCEL_REQUESTED", "REFUNDED", "REJECTED", null)).isEqualTo("CANCELLED");
    }
}
