package dev.fashionshop.local.services;

import java.util.List;
import java.util.regex.Pattern;

import dev.fashionshop.local.gateway.Gateway;
import dev.fashionshop.local.gateway.LocalEndpoint;
import io.vertx.core.CompositeFuture;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The services' internal /admin paths, which the gateway never routes, for the operator page of the local run:
 * {@code /local/admin/{service}/{path}} goes to {@code /admin/{path}} of every instance of the service (the
 * payment simulator's knobs are per instance, and so is a circuit breaker), with the caller's Authorization,
 * so that each service checks the operator's token itself. The answer lists each instance's:
 * {@code [{instance, status, body}]}; if an instance refused, the first refusal, as a problem.
 */
public final class AdminEndpoint implements LocalEndpoint {

    public static final String PATH = "/local/admin";

    /**
     * The paths it passes on are words and dashes: no {@code ..}, no encoded slash, nothing but /admin/... is reachable
     * (the router has already resolved the dot segments of the path it matched, encoded ones included).
     */
    private static final Pattern SAFE = Pattern.compile("(/[A-Za-z0-9_-]+)+");

    private final List<ServiceProcess> services;
    private final HttpClient client;

    public AdminEndpoint(Vertx vertx, List<ServiceProcess> services) {
        this.services = List.copyOf(services);
        this.client = InstanceClient.create(vertx);
    }

    @Override
    public void addRoutes(Router router) {
        router.route(PATH + "/:service/*").handler(this::passOn);
    }

    private void passOn(RoutingContext context) {
        HttpServerRequest request = context.request();
        String path = "/" + context.pathParam("*");
        if (!SAFE.matcher(path).matches()) {
            Gateway.problem(request.response(), 400, "Bad Request", "Use " + PATH + "/{service}/{path} with words and dashes only");
            return;
        }
        List<ServiceProcess> instances = services.stream().filter(s -> s.name().equals(context.pathParam("service"))).toList();
        if (instances.isEmpty()) {
            Gateway.problem(request.response(), 404, "Not Found", "Use " + PATH + "/{service}/{path} with one of "
                    + services.stream().map(ServiceProcess::name).distinct().toList());
            return;
        }
        String uri = "/admin" + path + (request.query() == null ? "" : "?" + request.query());
        request.body().onSuccess(body -> Future.all(instances.stream().map(instance -> ask(instance, uri, request, body)).toList())
                .onComplete(all -> answer(request, instances, all.result())));
    }

    private Future<JsonObject> ask(ServiceProcess instance, String uri, HttpServerRequest request, Buffer body) {
        RequestOptions options = new RequestOptions().setMethod(request.method()).setPort(instance.port())
                .setHost("localhost").setURI(uri);
        copy(request, options, "Authorization");
        copy(request, options, "Content-Type");
        return client.request(options)
                .compose(outgoing -> outgoing.send(body))
                .compose(response -> response.body().map(answer -> new JsonObject()
                        .put("instance", instance.url())
                        .put("status", response.statusCode())
                        .put("body", json(answer))))
                .recover(failure -> Future.succeededFuture(new JsonObject()
                        .put("instance", instance.url())
                        .put("status", 503)
                        .put("body", new JsonObject().put("detail", instance.name() + " cannot be reached: " + failure.getMessage()))));
    }

    private static void copy(HttpServerRequest request, RequestOptions options, String header) {
        String value = request.getHeader(header);
        if (value != null) {
            options.putHeader(header, value);
        }
    }

    private static Object json(Buffer answer) {
        if (answer.length() == 0) {
            return null;
        }
        try {
            return Json.decodeValue(answer);
        } catch (DecodeException notJson) {
            return answer.toString();
        }
    }

    private static void answer(HttpServerRequest request, List<ServiceProcess> instances, CompositeFuture all) {
        JsonArray answers = new JsonArray();
        JsonObject refusal = null;
        for (int i = 0; i < instances.size(); i++) {
            JsonObject answer = all.resultAt(i);
            answers.add(answer);
            if (refusal == null && answer.getInteger("status") >= 400) {
                refusal = answer;
            }
        }
        if (refusal != null) {
            // a refusal is a problem, as every other: the first instance's (each checks the same token and input)
            JsonObject problem = refusal.getValue("body") instanceof JsonObject body ? body : new JsonObject();
            Gateway.problem(request.response(), refusal.getInteger("status"), problem.getString("title", "Refused"),
                    problem.getString("detail", refusal.getString("instance") + " answered " + refusal.getInteger("status")));
            return;
        }
        if (!request.response().closed()) {
            request.response().putHeader("Content-Type", "application/json").end(answers.encode());
        }
    }
}
