package dev.fashionshop.local;

import java.time.Duration;
import java.time.format.DateTimeParseException;

import dev.fashionshop.local.gateway.Gateway;
import dev.fashionshop.local.gateway.LocalEndpoint;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * POST /local/infrastructure/{postgres|kafka}/restart?down=PT10S: stops PostgreSQL or the Kafka broker,
 * keeps it down that long (at most a minute), and starts it again on the same data. For trying out,
 * and testing, that the services ride out a restart of what they depend on. Answers once it is back.
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
    }

    private void restart(RoutingContext context, String what, Restart restart) {
        String downParam = context.request().getParam("down");
        Duration down;
        try {
            down = downParam == null ? Duration.ZERO : Duration.parse(downParam);
        } catch (DateTimeParseException e) {
            Gateway.problem(context.response(), 400, "Bad Request", "down is an ISO-8601 duration, e.g. PT10S");
            return;
        }
        if (down.isNegative() || down.compareTo(LONGEST_DOWN) > 0) {
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
