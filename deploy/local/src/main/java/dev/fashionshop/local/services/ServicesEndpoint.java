package dev.fashionshop.local.services;

import java.time.Duration;
import java.util.List;

import dev.fashionshop.local.gateway.Gateway;
import dev.fashionshop.local.gateway.LocalEndpoint;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The local run's control of its services, for the person at the keyboard (the gateway only listens on
 * localhost): GET /local/services lists them (each instance); POST /local/services/{name}/stop stops a
 * service (every instance, gracefully, and it stays stopped), POST /local/services/{name}/start starts it again.
 */
public final class ServicesEndpoint implements LocalEndpoint {

    public static final String PATH = "/local/services";

    private final Vertx vertx;
    private final List<ServiceProcess> services;
    private final Duration stopGrace;

    public ServicesEndpoint(Vertx vertx, List<ServiceProcess> services, Duration stopGrace) {
        this.vertx = vertx;
        this.services = List.copyOf(services);
        this.stopGrace = stopGrace;
    }

    @Override
    public void addRoutes(Router router) {
        router.get(PATH).handler(context -> Gateway.json(context.response(), list().encodePrettily()));
        router.post(PATH + "/:name/stop").handler(context -> stopOrStart(context, true));
        router.post(PATH + "/:name/start").handler(context -> stopOrStart(context, false));
    }

    private void stopOrStart(RoutingContext context, boolean stop) {
        List<ServiceProcess> named = named(context.pathParam("name"));
        if (named.isEmpty()) {
            Gateway.problem(context.response(), 404, "Not Found", "Use GET " + PATH + " or POST " + PATH
                    + "/{name}/stop or /start with one of " + services.stream().map(ServiceProcess::name).toList());
            return;
        }
        vertx.executeBlocking(() -> {
            for (ServiceProcess instance : named) {
                if (stop) {
                    instance.stop(stopGrace);
                } else {
                    instance.resume();
                }
            }
            return null;
        }, false).onComplete(done -> {
            if (done.succeeded()) {
                Gateway.json(context.response(), describe(named.get(0)).encodePrettily());
            } else {
                Gateway.problem(context.response(), 500, "Internal Server Error", done.cause().getMessage());
            }
        });
    }

    /** Every instance of the named service. */
    private List<ServiceProcess> named(String name) {
        return services.stream().filter(s -> s.name().equals(name)).toList();
    }

    private JsonArray list() {
        JsonArray list = new JsonArray();
        services.forEach(service -> list.add(describe(service)));
        return list;
    }

    private static JsonObject describe(ServiceProcess service) {
        return new JsonObject()
                .put("name", service.name())
                .put("url", service.url())
                .put("pid", service.pid())
                .put("health", service.health().name())
                .put("restarts", service.restarts())
                .put("log", service.logFile().toString());
    }
}
