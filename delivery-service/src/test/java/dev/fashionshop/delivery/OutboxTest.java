package dev.fashionshop.delivery;

import dev.fashionshop.testsupport.OutboxContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class OutboxTest extends OutboxContract {

    @Override
    protected String publishedTopic() {
        return "deliveries";
    }
}
