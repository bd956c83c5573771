package dev.fashionshop.payment.provider;

/** The payment provider did not answer: nothing was charged, and the caller may try again later. */
public class ProviderUnavailableException extends RuntimeException {

    public ProviderUnavailableException(String message) {
        super(message);
    }
}
