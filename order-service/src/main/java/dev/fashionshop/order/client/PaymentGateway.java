package dev.fashionshop.order.client;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

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

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
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
@Startup // its counters exist, at 0, before its first use
public class PaymentGateway {

    /** The circuit breaker's name, for operators and tests (SmallRye's CircuitBreakerMaintenance). */
    public static final String BREAKER = "payment-service";

    private static final Logger LOG = Logger.getLogger(PaymentGateway.class);

    /** The payments deferred by the fallback, by reason; the breaker's and the bulkhead's own metrics are SmallRye's (ft.*). */
    static final String DEFERRALS = "shop.payment.deferrals";

    private final PaymentClient client;
    private final Map<Deferral, Counter> deferrals = new EnumMap<>(Deferral.class);

    PaymentGateway(@RestClient PaymentClient client, MeterRegistry registry) {
        this.client = client;
        for (Deferral deferral : Deferral.values()) {
            deferrals.put(deferral, Counter.builder(DEFERRALS).description("Payments deferred by the fallback, by reason")
                    .tag("reason", deferral.tag()).register(registry));
        }
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
        Deferral deferral = Deferral.of(failure);
        deferrals.get(deferral).increment();
        String because = deferral == Deferral.FAILURE ? deferral.because + ": " + failure.getMessage() : deferral.because;
        LOG.warnf("Payment of order %s deferred: %s", request.orderId(), because);
        return Uni.createFrom().item(new Answer(null, because));
    }

    /** Why a payment was deferred: the {@code reason} tag of {@value #DEFERRALS}. */
    enum Deferral {
        CIRCUIT_OPEN("payment-service is overloaded (circuit open)"),
        BULKHEAD_FULL("too many payments in flight"),
        TIMEOUT("payment-service did not answer in time"),
        FAILURE("payment-service failed");

        final String because;

        Deferral(String because) {
            this.because = because;
        }

        static Deferral of(Throwable failure) {
            if (failure instanceof CircuitBreakerOpenException) {
                return CIRCUIT_OPEN;
            } else if (failure instanceof BulkheadException) {
                return BULKHEAD_FULL;
            } else if (failure instanceof TimeoutException) {
                return TIMEOUT;
            }
            return FAILURE;
        }

        String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
