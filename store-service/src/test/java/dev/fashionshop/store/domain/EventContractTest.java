package dev.fashionshop.store.domain;

import java.util.Map;

import dev.fashionshop.support.messaging.ShopEvent;
import dev.fashionshop.testsupport.EventContract;

class EventContractTest extends EventContract {

    @Override
    protected String service() {
        return "store-service";
    }

    @Override
    protected Map<Class<? extends ShopEvent>, String> publishedEvents() {
        return Map.of(ItemEvent.class, ItemEvent.TOPIC, StoreOrderEvent.class, StoreOrderEvent.TOPIC);
    }

    @Override
    protected Class<?> consumedEvents() {
        return ConsumedEvents.class;
    }
}
