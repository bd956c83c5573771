package dev.fashionshop.local.services;

import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.fashionshop.local.gateway.Gateway;
import dev.fashionshop.local.gateway.LocalEndpoint;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The five services' OpenAPI documents at one place of the gateway: {@code GET /openapi/{service}} answers the
 * document of a ready instance of the service ({@code /q/openapi}, which the gateway does not route). The Swagger
 * UI at {@code /api-docs} (order-view-service's, routed by the gateway) lists them.
 */
public final class ApiDocsEndpoint implements LocalEndpoint {

    public static final String PATH = "/openapi";

    private final List<ServiceProcess> services;
    private final HttpClient client;

    public ApiDocsEndpoint(Vertx vertx, List<ServiceProcess> services) {
        this.services = List.copyOf(services);
        this.client = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(2_000).setIdleTimeout(5)
                .setIdleTimeoutUnit(TimeUnit.SECONDS));
    }

    @Override
    public void addRoutes(Router router) {
        router.get(PATH + "/:service").handler(this::document);
    }

    private void document(RoutingContext context) {
        List<ServiceProcess> instances = services.stream().filter(s -> s.name().equals(context.pathParam("service")))
                .toList();
        if (instances.isEmpty()) {
            Gateway.problem(context.response(), 404, "Not Found", "Use " + PATH + "/{service} with one of "
                    + services.stream().map(ServiceProcess::name).distinct().toList());
            return;
        }
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setHost("localhost")
                .setPort(new InstancePicker(instances).nextPort()).setURI("/q/openapi?format=json");
        client.request(options)
                .compose(request -> request.send())
                .compose(response -> response.body().map(body -> response.statusCode() == 200 ? body : null))
                .onSuccess(body -> {
                    if (body == null) {
                        Gateway.problem(context.response(), 502, "Bad Gateway", "No OpenAPI document from " + instances.get(0).name());
                    } else {
                        Gateway.json(context.response(), body.toString());
                    }
                })
                .onFailure(failure -> Gateway.problem(context.response(), 503, "Service Unavailable",
                        instances.get(0).name() + " cannot be reached: " + failure.getMessage()));
    }
}
