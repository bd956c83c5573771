package dev.fashionshop.local;

import java.time.Duration;
import java.time.format.DateTimeParseException;

import dev.fashionshop.local.gateway.Gateway;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;

/**
 * POST /local/infrastructure/{postgres|kafka}/restart?down=PT10S: stops PostgreSQL or the Kafka broker,
 * keeps it down that long (at most a minute), and starts it again on the same data. For trying out,
 * and testing, that the services ride out a restart of what they depend on. Answers once it is back.
 */
final class InfrastructureEndpoint implements Handler<HttpServerRequest> {

    static final String PATH = "/local/infrastructure";
    private static final Duration LONGEST_DOWN = Duration.ofMinutes(1);

    private final Vertx vertx;
    private final LocalShop shop;

    InfrastructureEndpoint(Vertx vertx, LocalShop shop) {
        this.vertx = vertx;
        this.shop = shop;
    }

    @Override
    public void handle(HttpServerRequest request) {
        String[] segments = request.path().substring(PATH.length()).split("/");
        boolean known = segments.length == 3 && (segments[1].equals("postgres") || segments[1].equals("kafka"))
                && segments[2].equals("restart");
        if (!known) {
            Gateway.problem(request.response(), 404, "Not Found", "POST " + PATH + "/postgres/restart or /kafka/restart");
            return;
        }
        if (request.method() != HttpMethod.POST) {
            request.response().putHeader("Allow", "POST");
            Gateway.problem(request.response(), 405, "Method Not Allowed", "POST " + request.path());
            return;
        }
        Duration down;
        try {
            down = request.getParam("down") == null ? Duration.ZERO : Duration.parse(request.getParam("down"));
        } catch (DateTimeParseException e) {
            Gateway.problem(request.response(), 400, "Bad Request", "down is an ISO-8601 duration, e.g. PT10S");
            return;
        }
        if (down.isNegative() || down.compareTo(LONGEST_DOWN) > 0) {
            Gateway.problem(request.response(), 400, "Bad Request", "down is between PT0S and " + LONGEST_DOWN);
            return;
        }
        String what = segments[1];
        System.out.printf("Restarting %s (down for %d s)%n", what, down.toSeconds());
        vertx.executeBlocking(() -> {
            if (what.equals("postgres")) {
                shop.restartPostgres(down);
            } else {
                shop.restartKafka(down);
            }
            return null;
        }, false).onComplete(done -> {
            if (done.succeeded()) {
                System.out.printf("%s is back%n", what);
                Gateway.json(request.response(), new JsonObject().put(what, "restarted").put("downSeconds", down.toSeconds()).encode());
            } else {
                Gateway.problem(request.response(), 500, "Internal Server Error", what + " did not restart: " + done.cause());
            }
        });
    }
}
