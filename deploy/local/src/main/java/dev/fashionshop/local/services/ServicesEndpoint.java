package dev.fashionshop.local.services;

import java.time.Duration;
import java.util.List;

import dev.fashionshop.local.gateway.Gateway;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The local run's control of its services, for the person at the keyboard (the gateway only listens on
 * localhost): GET /local/services lists them (each instance); POST /local/services/{name}/stop stops a
 * service (every instance, gracefully, and it stays stopped), POST /local/services/{name}/start starts it again.
 */
public final class ServicesEndpoint implements Handler<HttpServerRequest> {

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
    public void handle(HttpServerRequest request) {
        String[] segments = request.path().substring(PATH.length()).split("/");
        if (segments.length <= 1 && request.method() == HttpMethod.GET) {
            request.response().putHeader("Content-Type", "application/json").end(list().encodePrettily());
            return;
        }
        List<ServiceProcess> named = segments.length == 3 ? named(segments[1]) : List.of();
        if (named.isEmpty()) {
            Gateway.problem(request.response(), 404, "Not Found", "Use GET " + PATH + " or POST " + PATH
                    + "/{name}/stop or /start with one of " + services.stream().map(ServiceProcess::name).toList());
            return;
        }
        if (request.method() != HttpMethod.POST || !List.of("stop", "start").contains(segments[2])) {
            request.response().putHeader("Allow", "POST");
            Gateway.problem(request.response(), 405, "Method Not Allowed", "POST " + PATH + "/{name}/stop or /start");
            return;
        }
        boolean stop = segments[2].equals("stop");
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
                Gateway.json(request.response(), describe(named.get(0)).encodePrettily());
            } else {
                Gateway.problem(request.response(), 500, "Internal Server Error", done.cause().getMessage());
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
