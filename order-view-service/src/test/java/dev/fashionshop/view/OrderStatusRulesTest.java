package dev.fashionshop.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

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

    @Test
    void anOrderTheStoreReceivedIsStillPaidUntilTheOwnerAcceptsIt() {
        assertThat(OrderStatusRules.derive("PAID", "APPROVED", "RECEIVED", null)).isEqualTo("PAID");
        // the store receives paid orders only, even when its event overtakes the order's and the payment's
        assertThat(OrderStatusRules.derive(null, null, "RECEIVED", null)).isEqualTo("PAID");
        assertThat(OrderStatusRules.derive("CANCEL_REQUESTED", "APPROVED", "RECEIVED", null)).isEqualTo("CANCEL_REQUESTED");
    }

    @Test
    void theStoreStatusOnlyMovesForward() {
        assertThat(OrderStatusRules.storeStatusAfter(null, "RECEIVED")).isEqualTo("RECEIVED");
        assertThat(OrderStatusRules.storeStatusAfter("RECEIVED", "ACCEPTED")).isEqualTo("ACCEPTED");
        assertThat(OrderStatusRules.storeStatusAfter("RECEIVED", "CANCELLED")).isEqualTo("CANCELLED");
        assertThat(OrderStatusRules.storeStatusAfter("ACCEPTED", "CANCELLED")).isEqualTo("CANCELLED");
        // a late StoreReceived
        assertThat(OrderStatusRules.storeStatusAfter("ACCEPTED", "RECEIVED")).isEqualTo("ACCEPTED");
        assertThat(OrderStatusRules.storeStatusAfter("CANCELLED", "RECEIVED")).isEqualTo("CANCELLED");
        assertThat(OrderStatusRules.storeStatusAfter("REJECTED", "RECEIVED")).isEqualTo("REJECTED");
    }

    @Test
    void theStoreStatusIsTheSameWhateverTheOrderItsEventsArrivedIn() {
        for (List<String> arrival : List.of(
                List.of("RECEIVED", "ACCEPTED", "CANCELLED"), List.of("RECEIVED", "CANCELLED", "ACCEPTED"),
                List.of("ACCEPTED", "RECEIVED", "CANCELLED"), List.of("ACCEPTED", "CANCELLED", "RECEIVED"),
                List.of("CANCELLED", "RECEIVED", "ACCEPTED"), List.of("CANCELLED", "ACCEPTED", "RECEIVED"))) {
            String storeStatus = null;
            for (String reported : arrival) {
                storeStatus = OrderStatusRules.storeStatusAfter(storeStatus, reported);
            }
            assertThat(storeStatus).as("arriving as %s", arrival).isEqualTo("CANCELLED");
        }
    }
}
