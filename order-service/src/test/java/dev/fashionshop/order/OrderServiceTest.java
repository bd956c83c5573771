package dev.fashionshop.order;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;

import dev.fashionshop.testsupport.ServiceTest;
import io.quarkus.test.common.QuarkusTestResource;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;

/**
 * order-service's tests against the payment-service stub. The tests share one application, and so
 * its payment circuit breaker: each test starts with it closed and the stub healthy.
 */
@QuarkusTestResource(PaymentServiceStub.class)
abstract class OrderServiceTest extends ServiceTest {

    @Inject
    CircuitBreakerMaintenance breakers;

    @BeforeEach
    void healthyPayments() {
        PaymentServiceStub.FAILING.set(false);
        PaymentServiceStub.LATENCY_MS.set(0);
        breakers.resetAll();
    }
}
