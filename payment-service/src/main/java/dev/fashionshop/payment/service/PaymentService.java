package dev.fashionshop.payment.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.jboss.logging.Logger;

import dev.fashionshop.payment.domain.Payment;
import dev.fashionshop.payment.domain.PaymentStatus;

import dev.fashionshop.payment.persistence.EndedOrders;
import dev.fashionshop.payment.persistence.PaymentRepository;
import dev.fashionshop.payment.provider.PaymentProvider;
import dev.fashionshop.support.messaging.Outbox;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.faulttolerance.api.AsynchronousNonBlocking;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** Takes payments, once per order: asking again for an order's payment answers the first result. */
@ApplicationScoped
public class PaymentService {

    private static final Logger LOG = Logger.getLogger(PaymentService.class);

    private final PaymentRepository payments;
    private final PaymentProvider provider;
    private final Outbox outbox;
    private final EndedOrders endedOrders;

    PaymentService(PaymentRepository payments, PaymentProvider provider, Outbox outbox, EndedOrders endedOrders) {
        this.payments = payments;
        this.provider = provider;
        this.outbox = outbox;
        this.endedOrders = endedOrders;
    }

    public record PaymentRequest(UUID orderId, String buyerId, long amount, String currency, String paymentToken) {
    }

    /** What a payment gives: the payment, and whether this call created it. */
    public record Outcome(Payment payment, boolean created) {
    }

    /**
     * Pays the order once: an order already paid (or declined) answers its first result without asking
     * the provider again. The provider is asked outside any transaction, so that a slow provider holds
     * no database connection. At most so many payments are in flight (shop.payments bulkhead,
     * configuration); beyond that the call is refused at once (BulkheadException, a 503), never queued.
     */
    @AsynchronousNonBlocking
    @Bulkhead(value = 64, waitingTaskQueue = 1)
    public Uni<Outcome> pay(PaymentRequest request) {
        return find(request.orderId()).chain(existing -> existing != null
                ? Uni.createFrom().item(new Outcome(existing, false))
                : provider.authorize(request.orderId(), request.paymentToken(), request.amount(), request.currency())
                        .chain(decision -> record(request, decision))
                        // two calls for the same order at once: the unique order_id lets one win; the other answers its result
                        .onFailure(PaymentService::isUniqueViolation)
                        .recoverWithUni(() -> find(request.orderId()).map(first -> new Outcome(first, false))));
    }

    /**
     * Records the provider's decision. An approved payment of an order that ended meanwhile (order-service
     * gave up on the call, then the buyer cancelled or the order expired) is refunded at once: the order's
     * lock makes this and {@link #refundEnded} see each other, whichever comes first.
     */
    @WithTransaction
    Uni<Outcome> record(PaymentRequest request, PaymentProvider.Decision decision) {
        return endedOrders.lock(request.orderId())
                .chain(() -> insert(request, decision))
                .call(outcome -> outcome.payment().status != PaymentStatus.APPROVED
                        ? Uni.createFrom().voidItem()
                        : endedOrders.reasonFor(request.orderId()).chain(reason -> reason == null
                                ? Uni.createFrom().voidItem()
                                : refund(outcome.payment(), reason)));
    }

    private Uni<Outcome> insert(PaymentRequest request, PaymentProvider.Decision decision) {
        Payment payment = Payment.decided(request.orderId(), request.buyerId(), request.amount(), request.currency(),
                decision.approved(), decision.reason());
        return payments.persistAndFlush(payment)
                .call(p -> outbox.add(p.decision()))
                .map(p -> new Outcome(p, true));
    }

    /**
     * Gives the money of an order back, once: only an approved payment is refunded, and only the
     * first time (PaymentRefunded). Runs in the consumer's transaction.
     */
    public Uni<Void> refund(UUID orderId, String reason) {
        return payments.findByOrderId(orderId).chain(payment -> {
            if (payment == null || !payment.status.canBecome(PaymentStatus.REFUNDED)) {
                LOG.infof("Nothing to refund for order %s (%s)", orderId, payment == null ? "no payment" : payment.status);
                return Uni.createFrom().voidItem();
            }
            return refund(payment, reason);
        });
    }

    /**
     * An order ended before order-service knew it paid (expired, or cancelled while deferred): its payment
     * is refunded if there is one; if its payment is still being taken, it is refunded when recorded.
     * Runs in the consumer's transaction.
     */
    public Uni<Void> refundEnded(UUID orderId, String reason) {
        return endedOrders.lock(orderId)
                .chain(() -> endedOrders.record(orderId, reason))
                .chain(() -> refund(orderId, reason));
    }

    private Uni<Void> refund(Payment payment, String reason) {
        return outbox.add(payment.refund(reason));
    }

    @WithSession
    public Uni<Payment> find(UUID orderId) {
        return payments.findByOrderId(orderId);
    }

    private static boolean isUniqueViolation(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains("payment_order_id_key")) {
                return true;
            }
        }
        return false;
    }
}
