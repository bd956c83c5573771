package dev.fashionshop.testsupport;

/**
 * The base of a service's {@code @QuarkusTest}s: the clients of the real broker and database the
 * service runs against, and the token signer it trusts, filled in by {@link ShopInfrastructure}.
 */
public abstract class ServiceTest {

    @InjectInfrastructure
    protected KafkaTestClient kafka;

    @InjectInfrastructure
    protected DatabaseTestClient database;

    @InjectInfrastructure
    protected TestTokens tokens;
}
