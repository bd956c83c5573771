package dev.fashionshop.local;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.fashionshop.local.gateway.RouteTable;
import dev.fashionshop.local.services.ServiceSpec;

/** The gateway routes the /api paths of DESIGN.md and the web UI to the service owning them, and nothing to payment-service. */
class GatewayRoutesTest {

    private final RouteTable<String> routes = LocalShop.gatewayRoutes(ServiceSpec::name);

    @ParameterizedTest
    @CsvSource({
            "/api/items, store-service",
            "/api/items/42/variants/SKU-1/stock, store-service",
            "/api/store/orders, store-service",
            "/api/store/orders/7/confirm-cancel, store-service",
            "/api/catalog, order-view-service",
            "/api/catalog/42, order-view-service",
            "/api/orders, order-service",
            "/api/orders/7/cancel, order-service",
            "/api/orders/7/payment, order-service",
            "/api/my-orders, order-view-service",
            "/api/my-orders/stream, order-view-service",
            "/, order-view-service",
            "/static/bundle/app.js, order-view-service",
            "/static/images/demo/linen-shirt.svg, order-view-service",
            "/api/deliveries/3/complete, delivery-service" })
    void routesEachPathToItsOwner(String path, String service) {
        assertThat(routes.match(path)).contains(service);
    }

    @ParameterizedTest
    @ValueSource(strings = { "/payments", "/api/payments", "/admin/simulator", "/q/health", "/api/ordersx", "/api", "/staticx", "/index.html", "/q/openapi", "/openapi", "/api-docs" })
    void routesNothingElse(String path) {
        assertThat(routes.match(path)).isEmpty();
    }
}
