package dev.fashionshop.view.config;

import io.smallrye.config.ConfigMapping;

/** How the buyers' view of their orders is served (shop.my-orders.*). */
@ConfigMapping(prefix = "shop.my-orders")
public interface MyOrdersConfig {

    /**
     * Streams of changes (server-sent events) a buyer holds open at once on one replica: a page or a tab each. One
     * more is a 429; a client that opens streams without end holds no more than this many connections.
     */
    int streamsPerBuyer();
}
