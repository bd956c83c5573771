package dev.fashionshop.view.domain;

import java.util.Map;

import dev.fashionshop.support.messaging.ShopEvent;
import dev.fashionshop.testsupport.EventContract;

class EventContractTest extends EventContract {

    @Override
    protected String service() {
        return "order-view-service";
    }

    @Override
    protected Map<Class<? extends ShopEvent>, String> publishedEvents() {
        return Map.of();
    }

    @Override
    protected Class<?> consumedEvents() {
        return ConsumedEvents.class;
    }
}
