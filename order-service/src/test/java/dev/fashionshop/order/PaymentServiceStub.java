package dev.fashionshop.order;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;

/**
 * Stands in for payment-service in order-service's own tests (the end-to-end tests use the real one):
 * POST /payments approves, declines the token {@code tok_declined}, answers 503 for
 * {@code tok_unavailable}, and answers a repeated order with its first payment, as payment-service does.
 */
public class PaymentServiceStub implements QuarkusTestResourceLifecycleManager {

    /** The Authorization headers the stub received, in order. */
    public static final List<String> AUTHORIZATIONS = new CopyOnWriteArrayList<>();
    private static final Map<String, JsonObject> PAYMENTS = new ConcurrentHashMap<>();

    private Vertx vertx;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        HttpServer server = vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
            AUTHORIZATIONS.add(String.valueOf(request.getHeader("Authorization")));
            JsonObject pay = body.toJsonObject();
            if ("tok_unavailable".equals(pay.getString("paymentToken"))) {
                request.response().setStatusCode(503).end();
                return;
            }
            boolean declined = "tok_declined".equals(pay.getString("paymentToken"));
            JsonObject payment = PAYMENTS.computeIfAbsent(pay.getString("orderId"), orderId -> new JsonObject()
                    .put("paymentId", UUID.randomUUID().toString())
                    .put("orderId", orderId)
                    .put("status", declined ? "DECLINED" : "APPROVED")
                    .put("amount", pay.getLong("amount"))
                    .put("currency", pay.getString("currency")));
            request.response().setStatusCode(201).putHeader("Content-Type", "application/json").end(payment.encode());
        })).listen(0).toCompletionStage().toCompletableFuture().join();
        return Map.of("quarkus.rest-client.payment-service.url", "http://localhost:" + server.actualPort());
    }

    @Override
    public void stop() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }
}
