package dev.fashionshop.local.services;

import java.util.List;

import dev.fashionshop.local.gateway.Gateway;
import dev.fashionshop.local.gateway.LocalEndpoint;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The five services' APIs at one place of the local run's gateway: {@code GET /api-docs} is order-view-service's
 * Swagger UI, which lists them, and {@code GET /openapi/{service}} the document of a ready instance of each
 * ({@code /q/openapi}). Both are the runner's own paths, not a service's routes: the shop on Kubernetes routes
 * the same paths to the services as the local gateway does, and exposes no API documents.
 */
public final class ApiDocsEndpoint implements LocalEndpoint {

    public static final String PATH = "/openapi";
    public static final String SWAGGER_UI = "/api-docs";
    private static final String LISTING_SERVICE = "order-view-service";

    private final List<ServiceProcess> services;
    private final HttpClient client;

    public ApiDocsEndpoint(Vertx vertx, List<ServiceProcess> services) {
        this.services = List.copyOf(services);
        this.client = InstanceClient.create(vertx);
    }

    @Override
    public void addRoutes(Router router) {
        router.get(PATH + "/:service").handler(context -> relay(context, context.pathParam("service"), "/q/openapi?format=json"));
        router.get(SWAGGER_UI).handler(context -> relay(context, LISTING_SERVICE, context.request().uri()));
        router.get(SWAGGER_UI + "/*").handler(context -> relay(context, LISTING_SERVICE, context.request().uri()));
    }

    /** Answers what a ready instance of the service answers to {@code GET uri}: its status, content type and body. */
    private void relay(RoutingContext context, String service, String uri) {
        List<ServiceProcess> instances = services.stream().filter(s -> s.name().equals(service)).toList();
        if (instances.isEmpty()) {
            Gateway.problem(context.response(), 404, "Not Found", "Use " + PATH + "/{service} with one of "
                    + services.stream().map(ServiceProcess::name).distinct().toList());
            return;
        }
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setHost("localhost")
                .setPort(new InstancePicker(instances).nextPort()).setURI(uri);
        client.request(options)
                .compose(request -> request.send())
                .compose(response -> response.body().onSuccess(body -> {
                    if (!context.response().closed()) {
                        String type = response.getHeader("Content-Type");
                        if (type != null) {
                            context.response().putHeader("Content-Type", type);
                        }
                        context.response().setStatusCode(response.statusCode()).end(body);
                    }
                }))
                .onFailure(failure -> Gateway.problem(context.response(), 503, "Service Unavailable",
                        service + " cannot be reached: " + failure.getMessage()));
    }
}
