package dev.fashionshop.local;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A class of journeys through the shared running shop ({@link RunningShop}, one instance per class): after
 * each test, and after the test's own {@code @AfterEach}, the audit runs and fails the test unless every
 * invariant holds and the shop has come to rest.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(RunningShop.class)
@ExtendWith(AuditedJourneys.AuditAfterEach.class)
@interface AuditedJourneys {

    final class AuditAfterEach implements AfterEachCallback {

        @Override
        public void afterEach(ExtensionContext context) throws Exception {
            RunningShop.shop().assertAuditPasses();
        }
    }
}
