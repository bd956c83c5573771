package dev.fashionshop.order.client;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import io.smallrye.faulttolerance.api.AsynchronousNonBlocking;
import io.smallrye.faulttolerance.api.CircuitBreakerName;
import io.smallrye.mutiny.Uni;

/**
 * The one synchronous call of the shop, guarded (SmallRye Fault Tolerance): each attempt has a
 * timeout; a failed attempt is retried once (payment-service pays an order at most once, so asking
 * again is safe); when too many calls fail the circuit breaker opens and payment-service gets no
 * traffic for a while; at most so many calls are in flight. Whatever fails, the fallback answers
 * "unavailable" at once and the order is kept as PAYMENT_DEFERRED. The thresholds are configuration
 * ({@code quarkus.fault-tolerance."dev.fashionshop.order.client.PaymentGateway/pay".*}).
 */
@ApplicationScoped
public class PaymentGateway {

    /** The circuit breaker's name, for operators and tests (SmallRye's CircuitBreakerMaintenance). */
    public static final String BREAKER = "payment-service";

    private static final Logger LOG = Logger.getLogger(PaymentGateway.class);

    private final PaymentClient client;

    PaymentGateway(@RestClient PaymentClient client) {
        this.client = client;
    }

    /** What came of asking for a payment. */
    public record Answer(PaymentClient.PaymentResult result, String unavailableBecause) {

        static Answer of(PaymentClient.PaymentResult result) {
            return new Answer(result, null);
        }

        public boolean available() {
            return unavailableBecause == null;
        }
    }

    @AsynchronousNonBlocking
    @Timeout(1500)
    @Retry(maxRetries = 1, delay = 200, jitter = 100, abortOn = { CircuitBreakerOpenException.class, BulkheadException.class })
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10_000, successThreshold = 2)
    @CircuitBreakerName(BREAKER)
    @Bulkhead(value = 50, waitingTaskQueue = 50)
    @Fallback(fallbackMethod = "unavailable")
    public Uni<Answer> pay(PaymentClient.PaymentRequest request) {
        // each failed attempt counts against the breaker, also one the retry then makes good: say which and why
        return client.pay(request).map(Answer::of)
                .onFailure().invoke(failure -> LOG.infof("A payment attempt for order %s failed: %s",
                        request.orderId(), failure.toString()))
                .onCancellation().invoke(() -> LOG.infof(
                        "A payment attempt for order %s was abandoned before payment-service answered (timeout)",
                        request.orderId()));
    }

    Uni<Answer> unavailable(PaymentClient.PaymentRequest request, Throwable failure) {
        String because;
        if (failure instanceof CircuitBreakerOpenException) {
            because = "payment-service is overloaded (circuit open)";
        } else if (failure instanceof BulkheadException) {
            because = "too many payments in flight";
        } else if (failure instanceof TimeoutException) {
            because = "payment-service did not answer in time";
        } else {
            because = "payment-service failed: " + failure.getMessage();
        }
        LOG.warnf("Payment of order %s deferred: %s", request.orderId(), because);
        return Uni.createFrom().item(new Answer(null, because));
    }
}
