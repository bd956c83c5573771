package dev.fashionshop.local.metrics;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import dev.fashionshop.local.gateway.Gateway;
import dev.fashionshop.local.gateway.LocalEndpoint;
import dev.fashionshop.local.services.InstanceClient;
import dev.fashionshop.local.services.ServiceProcess;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * GET {@value #PATH}: the figures of the operator page ({@link ShopFigures}), read from the /q/metrics of
 * every instance the runner started, at the time of the call. An instance that does not answer is left out
 * of the figures and listed as unreachable.
 */
public final class MetricsEndpoint implements LocalEndpoint {

    public static final String PATH = "/local/metrics";

    private final List<ServiceProcess> services;
    private final HttpClient client;
    private final ShopFigures figures = new ShopFigures();

    public MetricsEndpoint(Vertx vertx, List<ServiceProcess> services) {
        this.services = List.copyOf(services);
        this.client = InstanceClient.create(vertx);
    }

    @Override
    public void addRoutes(Router router) {
        router.get(PATH).handler(this::figures);
    }

    private void figures(RoutingContext context) {
        List<Future<InstanceMetrics>> scrapes = services.stream().map(this::scrape).toList();
        Future.join(scrapes).onComplete(all -> {
            List<InstanceMetrics> answered = scrapes.stream().filter(Future::succeeded).map(Future::result).toList();
            List<String> unreachable = services.stream()
                    .filter(service -> answered.stream().noneMatch(scrape -> scrape.instance().equals(service.url())))
                    .map(ServiceProcess::url).filter(Objects::nonNull).toList();
            Gateway.json(context.response(), figures.of(answered, Instant.now())
                    .put("unreachable", unreachable).encodePrettily());
        });
    }

    private Future<InstanceMetrics> scrape(ServiceProcess instance) {
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setHost("localhost")
                .setPort(instance.port()).setURI("/q/metrics");
        return client.request(options)
                .compose(request -> request.send())
                .compose(response -> response.statusCode() == 200 ? response.body()
                        : Future.failedFuture(instance.name() + " answered " + response.statusCode()))
                .map(body -> new InstanceMetrics(instance.name(), instance.url(), new ServiceMetrics(body.toString())));
    }
}
