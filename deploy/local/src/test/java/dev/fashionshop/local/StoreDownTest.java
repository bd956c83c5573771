package dev.fashionshop.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Fault isolation: with store-service stopped, buyers still order and pay (order-service validates
 * against its catalogue replica); when the store is back it catches up on every order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(RunningShop.class)
@Order(Integer.MAX_VALUE - 1)
class StoreDownTest {

    private ShopApi shop;

    @BeforeAll
    void connect(ShopApi shop) {
        this.shop = shop;
    }

    @Test
    void ordersAreTakenWhileTheStoreIsDownAndReachItWhenItIsBack() throws Exception {
        String sku = "PARKA-" + UUID.randomUUID();
        String itemId = shop.registerItem(sku, 20, 15000);
        shop.awaitCatalogued(itemId, sku);

        shop.stopService("store-service");
        List<String> orders = new ArrayList<>();
        try {
            shop.as("owner").get(shop.gateway + "/api/store/orders").then().statusCode(503);
            for (int i = 0; i < 5; i++) {
                orders.add(shop.as("alice").body(ShopApi.orderBody(itemId, sku, 2, null)).post(shop.gateway + "/api/orders")
                        .then().statusCode(201).body("status", is("PAID")).extract().path("id"));
            }
        } finally {
            shop.startService("store-service");
        }
        shop.awaitServiceUp("store-service");

        for (String orderId : orders) {
            shop.awaitStoreOrder(orderId, "RECEIVED");
            shop.awaitView("alice", orderId, "PAID");
        }
        assertThat(shop.stockOf(itemId)).isEqualTo(20 - 5 * 2);
        shop.assertAuditPasses();
    }
}
