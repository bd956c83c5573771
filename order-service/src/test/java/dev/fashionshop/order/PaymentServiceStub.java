package dev.fashionshop.order;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;

/**
 * Stands in for payment-service in order-service's own tests (the end-to-end tests use the real one):
 * POST /payments approves, declines the token {@code tok_declined}, answers 503 for
 * {@code tok_unavailable}, and answers a repeated order with its first payment, as payment-service does.
 * The token {@code tok_lost_answer} makes it take the payment but answer too late the first time. Tests
 * can make it fail or slow down for every call ({@link #FAILING}, {@link #LATENCY_MS}) and count the
 * calls it received.
 */
public class PaymentServiceStub implements QuarkusTestResourceLifecycleManager {

    /** The Authorization headers the stub received, in order. */
    public static final List<String> AUTHORIZATIONS = new CopyOnWriteArrayList<>();
    private static final Map<String, JsonObject> PAYMENTS = new ConcurrentHashMap<>();
    /** Every call answers 503 while set. */
    public static final AtomicBoolean FAILING = new AtomicBoolean();
    /** Every call waits this long before answering. */
    public static final AtomicLong LATENCY_MS = new AtomicLong();
    /** Calls received, answered or not. */
    public static final AtomicInteger CALLS = new AtomicInteger();
    /** Calls received per order id. */
    public static final Map<String, AtomicInteger> CALLS_PER_ORDER = new ConcurrentHashMap<>();

    private Vertx vertx;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        HttpServer server = vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
            AUTHORIZATIONS.add(String.valueOf(request.getHeader("Authorization")));
            CALLS.incrementAndGet();
            JsonObject pay = body.toJsonObject();
            int callOfOrder = CALLS_PER_ORDER.computeIfAbsent(pay.getString("orderId"), id -> new AtomicInteger())
                    .incrementAndGet();
            if (FAILING.get() || "tok_unavailable".equals(pay.getString("paymentToken"))) {
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
            long delay = "tok_lost_answer".equals(pay.getString("paymentToken")) && callOfOrder == 1 ? 5_000 : LATENCY_MS.get();
            if (delay > 0) {
                vertx.setTimer(delay, timer -> answer(request.response(), payment));
            } else {
                answer(request.response(), payment);
            }
        })).listen(0).toCompletionStage().toCompletableFuture().join();
        return Map.of("quarkus.rest-client.payment-service.url", "http://localhost:" + server.actualPort());
    }

    private static void answer(io.vertx.core.http.HttpServerResponse response, JsonObject payment) {
        if (!response.closed()) {
            response.setStatusCode(201).putHeader("Content-Type", "application/json").end(payment.encode());
        }
    }

    @Override
    public void stop() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }
}
