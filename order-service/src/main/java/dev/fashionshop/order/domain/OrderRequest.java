package dev.fashionshop.order.domain;

import java.util.List;
import java.util.UUID;

/** What a buyer asks for; prices come from the catalogue, never from the buyer. */
public record OrderRequest(String buyerId, List<Line> lines, String shippingAddress, String paymentToken) {

    public record Line(UUID itemId, String sku, int quantity) {
    }
}
