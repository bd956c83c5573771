package dev.fashionshop.support.security;

import java.time.Clock;

import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * Verifies a bearer token's RSA signature once per service, not on every request: a buyer sends the same
 * token with each request, and each order is authenticated twice (by order-service, then by
 * payment-service, to which the token is forwarded). The signature check was the costliest step of placing
 * an order. A decorator of smallrye-jwt's parser; the other ways of parsing, with keys or settings of their
 * own, go to it as they are. See {@link VerifiedTokens} for how long a token is trusted.
 */
@Decorator
@Priority(1)
public abstract class VerifiedTokenCache implements JWTParser {

    private final JWTParser verifier;
    private final VerifiedTokens verified = new VerifiedTokens(Clock.systemUTC());

    @Inject
    protected VerifiedTokenCache(@Delegate JWTParser verifier) {
        this.verifier = verifier;
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        return verified.get(token, verifier::parse);
    }
}
