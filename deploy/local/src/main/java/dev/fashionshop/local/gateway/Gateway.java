package dev.fashionshop.local.gateway;

import java.time.Duration;
import java.util.Set;
import java.util.function.Supplier;

import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.Router;

/**
 * The shop's single entry point on the local machine: a streaming reverse proxy that sends each
 * /api/... path to the service owning it (headers, Authorization included, pass through; bodies and
 * server-sent events stream both ways). Paths no service owns get a 404 problem, an upstream that
 * cannot be reached a 503 problem with Retry-After. The gateway's own endpoints (such as /local/services),
 * which the runner adds, take the paths no service owns.
 * <p>
 * Limits, as an ingress has them: a body forwarded is at most {@link #MAX_BODY_BYTES} (a 413 problem), a request
 * line at most 4 KiB (414) and the headers together at most 16 KiB (431), within the services' own limits; a request HTTP cannot parse is a 400;
 * a body must arrive within {@link #BODY_TIME_LIMIT} (408).
 * Each refusal is a problem, and the connection is closed after it.
 */
public final class Gateway implements AutoCloseable {

    /** Hop-by-hop headers (RFC 9110, 7.6.1) are for one connection and are never forwarded. */
    private static final String API = "/api/";
    /** The largest body forwarded: the services' own limit (quarkus.http.limits.max-body-size, service-support). */
    public static final long MAX_BODY_BYTES = 64 * 1024;
    /** Quarkus' own limits are 4 KiB and 20 KiB: what passes here, with the headers the gateway adds, passes there. */
    private static final int MAX_REQUEST_LINE = 4 * 1024;
    private static final int MAX_HEADERS = 16 * 1024;
    /** How long the rest of a body beyond the limit is read (and dropped) before the connection is closed. */
    private static final long LINGER_MILLIS = 5_000;
    /** How long a body may take to arrive, whole: nginx' client_body_timeout, though between reads there. */
    public static final Duration BODY_TIME_LIMIT = Duration.ofSeconds(30);
    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();
    private static final TextMapGetter<MultiMap> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(MultiMap headers) {
            return headers.names();
        }

        @Override
        public String get(MultiMap headers, String name) {
            return headers == null ? null : headers.get(name);
        }
    };
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade");

    private final Vertx vertx;
    private final RouteTable<Upstream> routes;
    private final Router localEndpoints;
    private final HttpClient client;
    private final Tracer tracer;
    private HttpServer server;
    private Duration bodyTimeLimit = BODY_TIME_LIMIT;

    /** A service the gateway forwards to; its port is looked up per request so that it may change. */
    public record Upstream(String name, Supplier<Integer> port) {
    }

    /** @param tracer starts the span of each API request, the parent of the service's own spans */
    public Gateway(Vertx vertx, RouteTable<Upstream> routes, Tracer tracer) {
        this.vertx = vertx;
        this.routes = routes;
        this.tracer = tracer;
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setMaxPoolSize(200)
                .setKeepAlive(true)
                .setConnectTimeout(2_000));
        this.localEndpoints = Router.router(vertx)
                .errorHandler(404, context -> problem(context.response(), 404, "Not Found",
                        "No service owns " + context.request().path()))
                .errorHandler(405, context -> problem(context.response(), 405, "Method Not Allowed",
                        context.request().method() + " is not allowed on " + context.request().path()));
    }

    /** How long a body may take to arrive ({@link #BODY_TIME_LIMIT} unless told): a test does not wait 30 s. */
    public Gateway bodyTimeLimit(Duration limit) {
        this.bodyTimeLimit = limit;
        return this;
    }

    /** Serves the endpoint's paths from the gateway itself. */
    public Gateway local(LocalEndpoint endpoint) {
        endpoint.addRoutes(localEndpoints);
        return this;
    }

    public Future<Integer> listen(int port) {
        return vertx.createHttpServer(new HttpServerOptions()
                        // HTTP/1.1 only, as the services behind it: an h2c upgrade would move the limits below into
                        // HTTP/2's framing, where headers beyond them end the whole connection (GOAWAY), unanswered
                        .setHttp2ClearTextEnabled(false)
                        .setMaxInitialLineLength(MAX_REQUEST_LINE)
                        .setMaxHeaderSize(MAX_HEADERS))
                .requestHandler(this::handle)
                .invalidRequestHandler(Gateway::invalid)
                .listen(port, "localhost")
                .map(started -> {
                    server = started;
                    return started.actualPort();
                });
    }

    /** A path a service owns never reaches the router: its 404 and 405 answers are for the paths no service owns. */
    private void handle(HttpServerRequest request) {
        routes.match(request.path()).ifPresentOrElse(upstream -> forward(request, upstream), () -> localEndpoints.handle(request));
    }

    /** A request HTTP could not parse, or whose request line or headers are beyond the limits. */
    private static void invalid(HttpServerRequest request) {
        Throwable cause = request.decoderResult().cause();
        HttpServerResponse response = request.response().putHeader("Connection", "close");
        if (cause instanceof TooLongHttpLineException) {
            problem(response, 414, "URI Too Long", "The request line is longer than " + MAX_REQUEST_LINE + " bytes");
        } else if (cause instanceof TooLongHttpHeaderException) {
            problem(response, 431, "Request Header Fields Too Large", "The headers are larger than " + MAX_HEADERS + " bytes");
        } else {
            problem(response, 400, "Bad Request", "The request is not valid HTTP");
        }
    }

    private void forward(HttpServerRequest request, Upstream upstream) {
        String length = request.getHeader("Content-Length");
        if (length != null && announcesTooMuch(length)) {
            tooLarge(request.response());
            return;
        }
        request.pause();
        HttpServerResponse response = request.response();
        Context traced = traced(request, upstream);
        RequestOptions options = new RequestOptions()
                .setMethod(request.method())
                .setServer(SocketAddress.inetSocketAddress(upstream.port().get(), "localhost"))
                .setURI(request.uri());
        client.request(options)
                .onSuccess(outgoing -> {
                    if (response.closed()) {
                        // the client went away while the gateway connected
                        outgoing.reset();
                        Span.fromContext(traced).end();
                        return;
                    }
                    // the client going away lets go of the upstream too: a stream (server-sent events) would never end
                    response.closeHandler(gone -> {
                        outgoing.reset();
                        Span.fromContext(traced).end();
                    });
                    // the service sees the Host the client used, so the links it builds (Location) point at the gateway
                    if (request.authority() != null) {
                        outgoing.authority(request.authority());
                    }
                    copyHeaders(request.headers(), outgoing.headers());
                    W3C.inject(traced, outgoing.headers(), MultiMap::set);
                    outgoing.putHeader("X-Forwarded-For", request.remoteAddress().hostAddress());
                    outgoing.putHeader("X-Forwarded-Proto", request.scheme());
                    LimitedBody body = new LimitedBody(vertx, request, MAX_BODY_BYTES, bodyTimeLimit, () -> {
                        outgoing.reset();
                        tooLarge(response);
                        // the rest of the body is read and dropped, so that the client reads the answer instead of a
                        // reset connection; one that goes on sending is cut off after a while
                        request.resume();
                        vertx.setTimer(LINGER_MILLIS, lingered -> request.connection().close());
                    }, () -> {
                        outgoing.reset();
                        tooSlow(request);
                    });
                    outgoing.send(body)
                            .onSuccess(incoming -> relay(incoming, response, upstream))
                            .onFailure(failure -> {
                                if (!body.exceeded()) {
                                    unavailable(request, upstream, failure);
                                }
                            });
                })
                .onFailure(failure -> unavailable(request, upstream, failure));
    }

    /** A client that sends its body slower than the time limit is answered, and let go of. */
    private void tooSlow(HttpServerRequest request) {
        HttpServerResponse response = request.response();
        if (response.headWritten()) {
            request.connection().close();
            return;
        }
        response.putHeader("Connection", "close");
        problem(response, 408, "Request Timeout", "The body took longer than the " + bodyTimeLimit.toSeconds()
                + " s a request may take to send it").onComplete(answered -> request.connection().close());
    }

    /** The body is not read to its end: the connection cannot carry another request after the answer. */
    private static void tooLarge(HttpServerResponse response) {
        response.putHeader("Connection", "close");
        problem(response, 413, "Content Too Large", "The body is larger than the " + MAX_BODY_BYTES + " bytes a request may carry");
    }

    private static boolean announcesTooMuch(String length) {
        try {
            return Long.parseLong(length.trim()) > MAX_BODY_BYTES;
        } catch (NumberFormatException notANumber) {
            return false; // the service refuses it
        }
    }

    /**
     * The span of an API request (the web UI's files are not traced), continuing the client's trace if it sent
     * one; it ends with the answer. The root context, with no span, for the paths not traced.
     */
    private Context traced(HttpServerRequest request, Upstream upstream) {
        if (!request.path().startsWith(API)) {
            return Context.root();
        }
        Context parent = W3C.extract(Context.root(), request.headers(), HEADERS);
        Span span = tracer.spanBuilder(request.method().name() + " " + upstream.name())
                .setParent(parent)
                .setSpanKind(SpanKind.SERVER)
                .setAttribute("http.request.method", request.method().name())
                .setAttribute("url.path", request.path())
                .startSpan();
        HttpServerResponse response = request.response();
        response.endHandler(ended -> {
            span.setAttribute("http.response.status_code", response.getStatusCode());
            if (response.getStatusCode() >= 500) {
                span.setStatus(StatusCode.ERROR);
            }
            span.end();
        });
        return parent.with(span);
    }

    private static void unavailable(HttpServerRequest request, Upstream upstream, Throwable failure) {
        HttpServerResponse response = request.response();
        if (response.closed()) {
            return;
        }
        request.resume();
        if (!response.headWritten()) {
            response.putHeader("Retry-After", "5");
            problem(response, 503, "Service Unavailable", upstream.name() + " cannot be reached: " + failure.getMessage());
        } else {
            response.reset();
        }
    }

    /**
     * Streams the service's answer to the client as it comes, holding back the service while the client
     * is slower. Nothing is written once the client has gone (see forward: the upstream is reset then).
     */
    private static void relay(HttpClientResponse incoming, HttpServerResponse response, Upstream upstream) {
        if (response.closed()) {
            return;
        }
        response.setStatusCode(incoming.statusCode());
        copyHeaders(incoming.headers(), response.headers());
        response.putHeader("X-Served-By", upstream.name());
        if (!incoming.headers().contains("Content-Length")) {
            // a stream's head goes out at once, as the service sent it: a client learns it is connected before the
            // first event, which may be long in coming
            response.setChunked(true).writeHead();
        }
        incoming.handler(chunk -> {
            if (response.closed()) {
                return;
            }
            response.write(chunk);
            if (response.writeQueueFull()) {
                incoming.pause();
                response.drainHandler(drained -> incoming.resume());
            }
        });
        incoming.endHandler(end -> {
            if (!response.closed()) {
                response.end();
            }
        });
        incoming.exceptionHandler(failure -> {
            // the service broke off its answer (or the gateway reset it): so does the gateway
            if (!response.closed()) {
                response.reset();
            }
        });
    }

    private static void copyHeaders(MultiMap from, MultiMap to) {
        from.forEach(header -> {
            if (!HOP_BY_HOP.contains(header.getKey().toLowerCase())) {
                to.add(header.getKey(), header.getValue());
            }
        });
    }

    /** A JSON answer; nothing if the client has gone (an answer that took a while, e.g. stopping a service). */
    public static void json(HttpServerResponse response, String body) {
        if (!response.closed()) {
            response.putHeader("Content-Type", "application/json").end(body);
        }
    }

    /** An RFC 9457 problem answer; nothing if the client has gone. */
    public static Future<Void> problem(HttpServerResponse response, int status, String title, String detail) {
        if (response.closed()) {
            return Future.succeededFuture();
        }
        return response.setStatusCode(status)
                .putHeader("Content-Type", "application/problem+json")
                .end(new JsonObject()
                        .put("type", "about:blank")
                        .put("title", title)
                        .put("status", status)
                        .put("detail", detail)
                        .encode());
    }

    @Override
    public void close() {
        if (server != null) {
            server.close().toCompletionStage().toCompletableFuture().join();
        }
        client.close();
    }
}
