package dev.fashionshop.local.services;

import java.nio.file.Path;
import java.util.List;

/**
 * One of the shop's services as the runner knows it: its name (also its module directory), its
 * database, and the gateway paths it owns.
 */
public record ServiceSpec(String name, String database, List<String> gatewayPaths) {

    /** payment-service owns no gateway path: it is never exposed; order-service calls it directly. */
    public static final ServiceSpec PAYMENT = new ServiceSpec("payment-service", "payment_service", List.of());

    /** The five services. */
    public static final List<ServiceSpec> SHOP = List.of(
            new ServiceSpec("store-service", "store_service", List.of("/api/items", "/api/store")),
            new ServiceSpec("order-service", "order_service", List.of("/api/orders")),
            PAYMENT,
            new ServiceSpec("delivery-service", "delivery_service", List.of("/api/deliveries")),
            // and the web UI: its page at / and its scripts, styles and pictures under /static
            new ServiceSpec("order-view-service", "order_view_service", List.of("/api/catalog", "/api/my-orders", "/", "/static")));

    /** Where the build puts the service's runnable application. */
    public Path runnableJar(Path projectDirectory) {
        return projectDirectory.resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
    }

    public static List<String> databases() {
        return SHOP.stream().map(ServiceSpec::database).toList();
    }
}
