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
 * a {@link ShopApi}: starting five services takes a minute, so the journeys, the audit's tests and the
 * replay share it, each with its own items and orders. It stops when the test run ends. Unpaid orders
 * expire after seconds here, not half an hour, and a payment call cut short by a
 * crash is given up after 5 seconds, not a minute.
 */
final class RunningShop implements ParameterResolver, ExtensionContext.Store.CloseableResource {

    static final Map<String, String> ENVIRONMENT = Map.of(
            "SHOP_ORDERS_DEFERRED_EXPIRY", "PT8S",
            "SHOP_ORDERS_PENDING_TIMEOUT", "PT5S",
            "SHOP_ORDERS_EXPIRY_CHECK_INTERVAL", "1s");

    private final RunnerProcess runner;
    private final ShopApi api;

    private RunningShop() {
        try {
            runner = RunnerProcess.start(Files.createTempDirectory("shop-e2e"), ENVIRONMENT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        api = new ShopApi(runner.awaitReady(), runner.postgresPort(), runner.kafkaBootstrapServers());
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == ShopApi.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(RunningShop.class, key -> new RunningShop(), RunningShop.class).api;
    }

    @Override
    public void close() throws InterruptedException {
        runner.terminate();
    }
}
