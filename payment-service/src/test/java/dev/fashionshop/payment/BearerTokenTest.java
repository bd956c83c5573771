package dev.fashionshop.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.fashionshop.testsupport.ServiceTest;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;

/** Every order's token reaches payment-service a second time: it is verified once, then known. */
@QuarkusTest
class BearerTokenTest extends ServiceTest {

    @Inject
    JWTParser parser;

    @Test
    void aTokenVerifiedOnceIsAnsweredAgainWithoutAnotherVerification() throws Exception {
        String token = tokens.buyer("alice");

        assertThat(parser.parse(token)).isSameAs(parser.parse(token));
    }

    @Test
    void aTamperedTokenIsRefusedEvenWhenTheGenuineOneIsKnown() throws Exception {
        String token = tokens.buyer("alice");
        parser.parse(token);
        String tampered = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");

        assertThatThrownBy(() -> parser.parse(tampered)).isInstanceOf(ParseException.class);
    }
}
