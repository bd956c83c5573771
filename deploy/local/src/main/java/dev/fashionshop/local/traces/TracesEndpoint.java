package dev.fashionshop.local.traces;

import com.google.protobuf.InvalidProtocolBufferException;

import dev.fashionshop.local.gateway.Gateway;
import dev.fashionshop.local.gateway.LocalEndpoint;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * The local run's trace collector: the services export their spans here over OTLP/HTTP (protobuf), at
 * {@value #OTLP}/v1/traces, and GET {@value #PATH}?order={id} answers the traces of one order, with the
 * spans of every service and of the gateway. No collector to install, no Docker: traces live in the runner.
 */
public final class TracesEndpoint implements LocalEndpoint {

    public static final String PATH = "/local/traces";
    /** The OTLP endpoint the services are given: their exporter adds /v1/traces. */
    public static final String OTLP = "/local/otlp";
    private static final int MAX_EXPORT_BYTES = 16 * 1024 * 1024;

    private final TraceStore store;

    public TracesEndpoint(TraceStore store) {
        this.store = store;
    }

    @Override
    public void addRoutes(Router router) {
        router.post(OTLP + "/v1/traces").handler(BodyHandler.create().setBodyLimit(MAX_EXPORT_BYTES)).handler(this::receive);
        router.get(PATH).handler(this::tracesOfOrder);
    }

    private void receive(RoutingContext context) {
        try {
            store.add(OtlpSpans.of(ExportTraceServiceRequest.parseFrom(context.body().buffer().getBytes())));
        } catch (InvalidProtocolBufferException unreadable) {
            Gateway.problem(context.response(), 400, "Bad Request", "Not an OTLP trace export: " + unreadable.getMessage());
            return;
        }
        context.response().putHeader("Content-Type", "application/x-protobuf")
                .end(Buffer.buffer(ExportTraceServiceResponse.getDefaultInstance().toByteArray()));
    }

    private void tracesOfOrder(RoutingContext context) {
        String orderId = context.queryParams().get("order");
        if (orderId == null || orderId.isBlank()) {
            Gateway.problem(context.response(), 400, "Bad Request", "Give the order: " + PATH + "?order={id}");
            return;
        }
        Gateway.json(context.response(), new JsonObject().put("orderId", orderId)
                .put("traces", store.tracesOfOrder(orderId)).encodePrettily());
    }
}
