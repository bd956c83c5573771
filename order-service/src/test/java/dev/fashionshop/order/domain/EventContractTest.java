package dev.fashionshop.order.domain;

import java.util.Map;

import dev.fashionshop.support.messaging.ShopEvent;
import dev.fashionshop.testsupport.EventContract;

class EventContractTest extends EventContract {

    @Override
    protected String service() {
        return "order-service";
    }

    @Override
    protected Map<Class<? extends ShopEvent>, String> publishedEvents() {
        return Map.of(OrderEvent.class, OrderEvent.TOPIC);
    }

    @Override
    protected Class<?> consumedEvents() {
        return ConsumedEvents.class;
    }
}
