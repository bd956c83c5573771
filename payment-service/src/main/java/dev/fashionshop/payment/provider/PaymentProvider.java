package dev.fashionshop.payment.provider;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Stands in for the external payment provider: it approves every payment except the documented test
 * card token {@value #DECLINED_TOKEN}, so that tests and demos can drive both answers.
 */
@ApplicationScoped
public class PaymentProvider {

    public static final String DECLINED_TOKEN = "tok_declined";

    public record Decision(boolean approved, String reason) {
    }

    public Decision authorize(String paymentToken, long amount, String currency) {
        if (DECLINED_TOKEN.equals(paymentToken)) {
            return new Decision(false, "card declined by the issuer");
        }
        return new Decision(true, null);
    }
}
