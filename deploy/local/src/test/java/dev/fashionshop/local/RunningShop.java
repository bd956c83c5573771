package dev.fashionshop.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One run of the whole shop (the runner, as its own process) shared by every test class that asks for
 * a {@link ShopApi}: starting five services takes a minute, so the journeys, the audit's tests, the
 * replay and the fault tests share it, each with its own items and orders. It is started by the first
 * class that needs it and stopped (SIGTERM, as a user would) when the test JVM ends (RunnerProcess). Unpaid orders
 * expire after seconds here, not half an hour, and a payment call cut short by a crash is given up
 * after 5 seconds, not a minute. The services reach Kafka, and order-service reaches payment-service, through the
 * runner's fault links, which SlowNetworkTest makes slow, stall or pause. The web UI's sign-in also offers an OIDC provider, which only WebShopTest's
 * browser knows.
 */
final class RunningShop implements ParameterResolver {

    static final Map<String, String> ENVIRONMENT = Map.of(
            "SHOP_ORDERS_DEFERRED_EXPIRY", "PT25S",
            "SHOP_ORDERS_PENDING_TIMEOUT", "PT5S",
            "SHOP_ORDERS_EXPIRY_CHECK_INTERVAL", "1s",
            // the two demo buyers place the orders and open the pages of a crowd here (ChaosTest alone: hundreds of
            // orders in minutes; GatewayDisconnectTest: streams by the dozen); the limits themselves are order-service's
            // RateLimitTest and order-view-service's MyOrdersViewTest
            "SHOP_ORDERS_RATE_LIMIT_ORDERS", "1000000",
            "SHOP_MY_ORDERS_STREAMS_PER_BUYER", "1000",
            // the web UI offers an OIDC provider besides the demo users: WebShopTest plays that provider in the browser
            "SHOP_UI_OIDC_ISSUER", WebShopTest.OIDC_ISSUER);

    /** Surefire may run each test class in its own JUnit session: the shop is per JVM, not per session. */
    private static ShopApi shared;
    private static RunnerProcess runner;

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == ShopApi.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return shop();
    }

    static synchronized ShopApi shop() {
        if (shared == null) {
            try {
                // two instances of order-service, as in Kubernetes: GracefulShutdownTest stops one under load
                runner = RunnerProcess.start(Files.createTempDirectory("shop-e2e"), ENVIRONMENT, "--instances", "order-service=2",
                        "--fault-links");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            shared = new ShopApi(runner.awaitReady(), runner.postgresPort(), runner.kafkaBootstrapServers());
        }
        return shared;
    }

    /** The runner of the shared shop, once a class has asked for the shop: its process, console and data directory. */
    static synchronized RunnerProcess runner() {
        shop();
        return runner;
    }
}
