package dev.fashionshop.payment.provider;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

/**
 * Stands in for the external payment provider: it approves every payment except the documented test
 * card token {@value #DECLINED_TOKEN}, so that tests and demos can drive both answers. Its latency and
 * failure rate are runtime knobs ({@link SimulatorSettings}), to make the shop's overload handling
 * visible. The order id goes with every call: a real provider takes it as the idempotency key.
 */
@ApplicationScoped
public class PaymentProvider {

    public static final String DECLINED_TOKEN = "tok_declined";

    private final SimulatorSettings settings;
    private final AtomicInteger authorizing = new AtomicInteger();

    PaymentProvider(SimulatorSettings settings) {
        this.settings = settings;
    }

    public record Decision(boolean approved, String reason) {
    }

    public Uni<Decision> authorize(UUID orderId, String paymentToken, long amount, String currency) {
        SimulatorSettings.Knobs knobs = settings.current();
        Uni<Decision> answer = Uni.createFrom().item(() -> {
            if (ThreadLocalRandom.current().nextDouble() < knobs.failureRate()) {
                throw new ProviderUnavailableException("the payment provider did not answer (simulated failure)");
            }
            return DECLINED_TOKEN.equals(paymentToken)
                    ? new Decision(false, "card declined by the issuer")
                    : new Decision(true, null);
        });
        Uni<Decision> decided = knobs.latencyMs() > 0 ? Uni.createFrom().voidItem().onItem().delayIt()
                .by(Duration.ofMillis(knobs.latencyMs())).chain(() -> answer) : answer;
        return decided.onSubscription().invoke(authorizing::incrementAndGet)
                .onTermination().invoke(authorizing::decrementAndGet);
    }

    /** How many payments the provider is deciding on right now. */
    public int authorizing() {
        return authorizing.get();
    }
}
