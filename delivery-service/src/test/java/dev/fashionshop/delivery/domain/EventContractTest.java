package dev.fashionshop.delivery.domain;

import java.util.Map;

import dev.fashionshop.support.messaging.ShopEvent;
import dev.fashionshop.testsupport.EventContract;

class EventContractTest extends EventContract {

    @Override
    protected String service() {
        return "delivery-service";
    }

    @Override
    protected Map<Class<? extends ShopEvent>, String> publishedEvents() {
        return Map.of(DeliveryEvent.class, DeliveryEvent.TOPIC);
    }

    @Override
    protected Class<?> consumedEvents() {
        return ConsumedEvents.class;
    }
}
