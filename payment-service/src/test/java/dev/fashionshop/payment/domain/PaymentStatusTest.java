package dev.fashionshop.payment.domain;

import static dev.fashionshop.payment.domain.PaymentStatus.APPROVED;
import static dev.fashionshop.payment.domain.PaymentStatus.REFUNDED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.fashionshop.support.domain.IllegalTransitionException;
import dev.fashionshop.testsupport.TransitionTables;

class PaymentStatusTest {

    @Test
    void onlyAnApprovedPaymentMayBeRefunded() {
        TransitionTables.assertAllowsExactly(PaymentStatus.TRANSITIONS, PaymentStatus.class, Map.of(APPROVED, Set.of(REFUNDED)));
    }

    @Test
    void aRefundIsAnnouncedOnceAndADeclinedPaymentIsNotRefunded() {
        Payment approved = Payment.decided(UUID.randomUUID(), "alice", 4990, "EUR", true, null);
        assertThat(approved.decision()).isInstanceOf(PaymentEvent.PaymentApproved.class);

        PaymentEvent.PaymentRefunded refunded = approved.refund("order cancelled");
        assertThat(refunded.payment().status()).isEqualTo("REFUNDED");
        assertThat(refunded.key()).isEqualTo(approved.orderId.toString());
        assertThatThrownBy(() -> approved.refund("again")).isInstanceOf(IllegalTransitionException.class);

        Payment declined = Payment.decided(UUID.randomUUID(), "alice", 4990, "EUR", false, "card declined");
        assertThat(declined.decision()).isInstanceOf(PaymentEvent.PaymentDeclined.class);
        assertThatThrownBy(() -> declined.refund("order cancelled")).isInstanceOf(IllegalTransitionException.class);
        assertThat(declined.status).isEqualTo(PaymentStatus.DECLINED);
    }
}
