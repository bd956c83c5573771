package dev.fashionshop.store;

import dev.fashionshop.testsupport.ConsumingServiceContract;
import dev.fashionshop.testsupport.ShopInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(ShopInfrastructure.class)
class EventsConsumerTest extends ConsumingServiceContract {

    @Override
    protected String consumedTopic() {
        return "orders";
    }

    @Override
    protected String[] acceptedEvent(String orderId) {
        return new String[] { "OrderPlaced", StoreOrderFlowTest.orderPlaced(orderId, "NO-SUCH-SKU", 1) };
    }
}
