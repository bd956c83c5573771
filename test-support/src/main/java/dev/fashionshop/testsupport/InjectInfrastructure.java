package dev.fashionshop.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@link KafkaTestClient}, {@link DatabaseTestClient} or {@link TestTokens} field of a test to be filled by
 * {@link ShopInfrastructure}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface InjectInfrastructure {
}
