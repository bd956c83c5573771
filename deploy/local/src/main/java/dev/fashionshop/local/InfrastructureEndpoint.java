package dev.fashionshop.local;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

import dev.fashionshop.local.gateway.Gateway;
import dev.fashionshop.local.gateway.LocalEndpoint;
import dev.fashionshop.local.infra.FaultyLink;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * POST /local/infrastructure/{postgres|kafka}/restart?down=PT10S: stops PostgreSQL or the Kafka broker,
 * keeps it down that long (at most a minute), and starts it again on the same data. For trying out,
 * and testing, that the services ride out a restart of what they depend on. Answers once it is back.
 * <p>
 * With the runner's --fault-links, POST /local/infrastructure/{kafka|payment-service}/{slow|stall|pause}?for=PT20S
 * (and &amp;delay=PT2S for slow) makes the link to the broker, or order-service's to payment-service, bad for
 * that long (FaultyLink). Answers once the link is good again. GET /local/infrastructure/links lists the links
 * and the fault each is under.
 */
final class InfrastructureEndpoint implements LocalEndpoint {

    static final String PATH = "/local/infrastructure";
    private static final Duration LONGEST_DOWN = Duration.ofMinutes(1);

    private final Vertx vertx;
    private final LocalShop shop;

    /** A restart of one dependency of the services, down for the given time. */
    private interface Restart {
        void downFor(Duration down) throws Exception;
    }

    InfrastructureEndpoint(Vertx vertx, LocalShop shop) {
        this.vertx = vertx;
        this.shop = shop;
    }

    @Override
    public void addRoutes(Router router) {
        router.post(PATH + "/postgres/restart").handler(context -> restart(context, "postgres", shop::restartPostgres));
        router.post(PATH + "/kafka/restart").handler(context -> restart(context, "kafka", shop::restartKafka));
        router.get(PATH + "/links").handler(this::listLinks);
        router.post(PATH + "/:link/:fault").handler(this::injectFault);
    }

    private void listLinks(RoutingContext context) {
        JsonArray links = new JsonArray();
        shop.links().forEach(link -> links.add(new JsonObject().put("name", link.name()).put("port", link.port())
                .put("fault", link.fault().map(fault -> fault.name().toLowerCase(Locale.ROOT)).orElse(null))));
        Gateway.json(context.response(), links.encode());
    }

    private void injectFault(RoutingContext context) {
        String name = context.pathParam("link");
        FaultyLink.Fault fault;
        try {
            fault = FaultyLink.Fault.valueOf(context.pathParam("fault").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            Gateway.problem(context.response(), 404, "Not Found", "A link's faults are slow, stall and pause");
            return;
        }
        Optional<FaultyLink> link = shop.link(name);
        if (link.isEmpty()) {
            Gateway.problem(context.response(), 404, "Not Found",
                    "No fault link named " + name + ": the links, kafka and payment-service, need the runner's --fault-links");
            return;
        }
        Duration lasting;
        Duration delay;
        try {
            lasting = duration(context, "for", Duration.ZERO);
            delay = duration(context, "delay", Duration.ZERO);
        } catch (DateTimeParseException e) {
            Gateway.problem(context.response(), 400, "Bad Request", "for and delay are ISO-8601 durations, e.g. PT10S");
            return;
        }
        if (!within(lasting) || !within(delay)) {
            Gateway.problem(context.response(), 400, "Bad Request", "for and delay are between PT0S and " + LONGEST_DOWN);
            return;
        }
        System.out.printf("The link to %s: %s for %d s%n", name, fault.name().toLowerCase(Locale.ROOT), lasting.toSeconds());
        link.get().inject(fault, delay, lasting).onComplete(over -> {
            System.out.printf("The link to %s is good again%n", name);
            Gateway.json(context.response(), new JsonObject().put("link", name).put("fault", fault.name().toLowerCase(Locale.ROOT))
                    .put("seconds", lasting.toSeconds()).encode());
        });
    }

    private static Duration duration(RoutingContext context, String param, Duration otherwise) {
        String value = context.request().getParam(param);
        return value == null ? otherwise : Duration.parse(value);
    }

    private static boolean within(Duration duration) {
        return !duration.isNegative() && duration.compareTo(LONGEST_DOWN) <= 0;
    }

    private void restart(RoutingContext context, String what, Restart restart) {
        Duration down;
        try {
            down = duration(context, "down", Duration.ZERO);
        } catch (DateTimeParseException e) {
            Gateway.problem(context.response(), 400, "Bad Request", "down is an ISO-8601 duration, e.g. PT10S");
            return;
        }
        if (!within(down)) {
            Gateway.problem(context.response(), 400, "Bad Request", "down is between PT0S and " + LONGEST_DOWN);
            return;
        }
        System.out.printf("Restarting %s (down for %d s)%n", what, down.toSeconds());
        vertx.executeBlocking(() -> {
            restart.downFor(down);
            return null;
        }, false).onComplete(done -> {
            if (done.succeeded()) {
                System.out.printf("%s is back%n", what);
                Gateway.json(context.response(), new JsonObject().put(what, "restarted").put("downSeconds", down.toSeconds()).encode());
            } else {
                Gateway.problem(context.response(), 500, "Internal Server Error", what + " did not restart: " + done.cause());
            }
        });
    }
}
