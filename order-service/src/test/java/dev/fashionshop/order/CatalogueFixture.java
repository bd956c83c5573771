package dev.fashionshop.order;

import java.util.UUID;

import org.awaitility.Awaitility;

import dev.fashionshop.testsupport.DatabaseTestClient;
import dev.fashionshop.testsupport.KafkaTestClient;

/** An item the store registered, as order-service learns it from the items topic; and orders of it. */
record CatalogueFixture(String itemId, String sku) {

    static CatalogueFixture registered(KafkaTestClient kafka, DatabaseTestClient database, int stock) {
        CatalogueFixture item = new CatalogueFixture(UUID.randomUUID().toString(), "TEE-" + UUID.randomUUID());
        kafka.sendEvent("items", item.itemId, "ItemRegistered", """
                {"itemId": "%s", "name": "Tee", "category": "t-shirts", "price": 2500, "currency": "EUR",
                 "variants": [{"sku": "%s", "size": "M", "colour": "white", "stock": %d}]}"""
                .formatted(item.itemId, item.sku, stock));
        Awaitility.await().until(
                () -> database.queryForLong("select count(*) from catalogue_variant where sku = ?", item.sku) == 1);
        return item;
    }

    String order(int quantity, String paymentToken) {
        return """
                {"lines": [{"itemId": "%s", "sku": "%s", "quantity": %d}], "shippingAddress": "1 Rue de la Paix, Paris"%s}"""
                .formatted(itemId, sku, quantity, paymentToken == null ? "" : ", \"paymentToken\": \"" + paymentToken + "\"");
    }
}
