package dev.fashionshop.payment.domain;

import java.util.Map;

import dev.fashionshop.support.messaging.ShopEvent;
import dev.fashionshop.testsupport.EventContract;

class EventContractTest extends EventContract {

    @Override
    protected String service() {
        return "payment-service";
    }

    @Override
    protected Map<Class<? extends ShopEvent>, String> publishedEvents() {
        return Map.of(PaymentEvent.class, PaymentEvent.TOPIC);
    }

    @Override
    protected Class<?> consumedEvents() {
        return ConsumedEvents.class;
    }
}
