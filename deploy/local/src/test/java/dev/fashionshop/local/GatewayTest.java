package dev.fashionshop.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.fashionshop.local.gateway.Gateway;
import dev.fashionshop.local.gateway.RouteTable;
import io.opentelemetry.api.OpenTelemetry;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;

/** The gateway as a proxy, in front of an upstream that echoes what it received. */
class GatewayTest {

    /** 32 MB, far more than the sockets between the client, the gateway and the upstream hold. */
    private static final int LARGE_CHUNKS = 512;
    private static final Buffer CHUNK = Buffer.buffer(new byte[64 * 1024]);
    /** The time a body may take here, instead of 30 s. */
    private static final Duration BODY_TIME_LIMIT = Duration.ofSeconds(2);

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<Throwable> unhandled = new CopyOnWriteArrayList<>();
    /** The paths of the upstream exchanges whose connection was closed. */
    private final List<String> upstreamClosed = new CopyOnWriteArrayList<>();
    /** The paths of the requests the upstream received. */
    private final List<String> upstreamReceived = new CopyOnWriteArrayList<>();
    private Vertx vertx;
    private Gateway gateway;
    private String gatewayUrl;
    private HttpServer upstream;

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        // what a handler throws lands here instead of the log ("Unhandled exception")
        vertx.exceptionHandler(unhandled::add);
        upstream = vertx.createHttpServer().requestHandler(request -> {
            upstreamReceived.add(request.path());
            request.response().closeHandler(closed -> upstreamClosed.add(request.path()));
            if (request.path().equals("/api/echo/stream")) {
                // a server-sent event stream that stays open until the client has read the first event
                request.response().setChunked(true).putHeader("Content-Type", "text/event-stream");
                request.response().write("data: first\n\n");
                return;
            }
            if (request.path().equals("/api/echo/quiet-stream")) {
                // a stream with nothing to say yet: only its head is sent
                request.response().setChunked(true).putHeader("Content-Type", "text/event-stream").writeHead();
                return;
            }
            if (request.path().equals("/api/echo/large")) {
                writeLarge(request.response());
                return;
            }
            request.body().onSuccess(body -> request.response()
                    .setStatusCode(201)
                    .putHeader("Content-Type", "application/json")
                    .putHeader("Location", "/api/echo/1")
                    .end(new JsonObject()
                            .put("method", request.method().name())
                            .put("uri", request.uri())
                            .put("authorization", request.getHeader("Authorization"))
                            .put("host", request.getHeader("Host"))
                            .put("body", body.toString())
                            .encode()));
        }).listen(0).toCompletionStage().toCompletableFuture().get();
        int deadPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            deadPort = socket.getLocalPort();
        }
        RouteTable<Gateway.Upstream> routes = new RouteTable<Gateway.Upstream>()
                .add("/api/echo", new Gateway.Upstream("echo-service", upstream::actualPort))
                .add("/api/down", new Gateway.Upstream("down-service", () -> deadPort));
        gateway = new Gateway(vertx, routes, OpenTelemetry.noop().getTracer("test")).bodyTimeLimit(BODY_TIME_LIMIT);
        gatewayUrl = "http://localhost:" + gateway.listen(0).toCompletionStage().toCompletableFuture().get();
    }

    /** Writes LARGE_CHUNKS chunks as fast as the reader takes them. */
    private static void writeLarge(HttpServerResponse response) {
        response.putHeader("Content-Length", String.valueOf((long) LARGE_CHUNKS * CHUNK.length()));
        int[] written = { 0 };
        Runnable[] writeSome = new Runnable[1];
        writeSome[0] = () -> {
            while (written[0] < LARGE_CHUNKS && !response.writeQueueFull() && !response.closed()) {
                response.write(CHUNK);
                written[0]++;
            }
            if (written[0] == LARGE_CHUNKS) {
                response.end();
            } else if (!response.closed()) {
                response.drainHandler(drained -> writeSome[0].run());
            }
        };
        writeSome[0].run();
    }

    @AfterEach
    void stop() {
        gateway.close();
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    @Test
    void forwardsMethodPathQueryHeadersAndBody() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(gatewayUrl + "/api/echo/orders?page=2"))
                .header("Authorization", "Bearer abc.def.ghi")
                .POST(HttpRequest.BodyPublishers.ofString("{\"lines\":[]}"))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.headers().firstValue("Location")).contains("/api/echo/1");
        assertThat(response.headers().firstValue("X-Served-By")).contains("echo-service");
        JsonObject echoed = new JsonObject(response.body());
        assertThat(echoed.getString("method")).isEqualTo("POST");
        assertThat(echoed.getString("uri")).isEqualTo("/api/echo/orders?page=2");
        assertThat(echoed.getString("authorization")).isEqualTo("Bearer abc.def.ghi");
        assertThat(echoed.getString("host")).isEqualTo(URI.create(gatewayUrl).getAuthority());
        assertThat(echoed.getString("body")).isEqualTo("{\"lines\":[]}");
    }

    @Test
    void streamsServerSentEventsAsTheyComeWithoutWaitingForTheEnd() throws Exception {
        HttpResponse<InputStream> response = http.sendAsync(
                HttpRequest.newBuilder(URI.create(gatewayUrl + "/api/echo/stream")).build(),
                HttpResponse.BodyHandlers.ofInputStream()).get(10, TimeUnit.SECONDS);

        assertThat(response.headers().firstValue("Content-Type")).contains("text/event-stream");
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body()))) {
            assertThat(reader.readLine()).isEqualTo("data: first");
        }
    }

    @Test
    void aStreamsHeadReachesTheClientBeforeItsFirstEvent() throws Exception {
        HttpResponse<InputStream> response = http.sendAsync(
                HttpRequest.newBuilder(URI.create(gatewayUrl + "/api/echo/quiet-stream")).build(),
                HttpResponse.BodyHandlers.ofInputStream()).get(10, TimeUnit.SECONDS);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("text/event-stream");
        response.body().close();
    }

    @Test
    void answersAPathNoServiceOwnsWith404Problem() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(gatewayUrl + "/payments")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(new JsonObject(response.body()).getInteger("status")).isEqualTo(404);
    }

    @Test
    void answersAnUnreachableServiceWith503ProblemAndRetryAfter() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(gatewayUrl + "/api/down/1")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).contains("5");
        assertThat(new JsonObject(response.body()).getString("detail")).contains("down-service");
    }

    /**
     * A client that goes away in the middle of an answer is no error (nothing thrown, so nothing in the
     * log), and the gateway lets go of the upstream exchange at once: its connection is closed.
     */
    @Test
    void aClientLeavingInTheMiddleOfALargeAnswerIsNoErrorAndLetsGoOfTheUpstream() throws Exception {
        for (int i = 0; i < 3; i++) {
            try (LeavingClient client = LeavingClient.get(gatewayUrl, "/api/echo/large", null)) {
                assertThat(client.head()).startsWith("HTTP/1.1 200");
            }
        }

        Awaitility.await("the upstream exchanges closed").atMost(Duration.ofSeconds(10))
                .until(() -> upstreamClosed.stream().filter("/api/echo/large"::equals).count() == 3);
        assertThat(unhandled).isEmpty();
        assertThat(http.send(HttpRequest.newBuilder(URI.create(gatewayUrl + "/api/echo/after")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(201);
    }

    /** The same for a stream of server-sent events, which would otherwise stay open upstream for ever. */
    @Test
    void aClientLeavingAStreamLetsGoOfTheUpstreamStream() throws Exception {
        try (LeavingClient client = LeavingClient.get(gatewayUrl, "/api/echo/stream", null)) {
            assertThat(client.head()).startsWith("HTTP/1.1 200");
        }

        Awaitility.await("the upstream stream closed").atMost(Duration.ofSeconds(10))
                .until(() -> upstreamClosed.contains("/api/echo/stream"));
        assertThat(unhandled).isEmpty();
    }

    @Test
    void aBodyUpToTheLimitIsForwardedAndOneBeyondIsA413ProblemThatNeverReachesTheService() throws Exception {
        byte[] atTheLimit = new byte[(int) Gateway.MAX_BODY_BYTES];
        HttpResponse<String> forwarded = http.send(HttpRequest.newBuilder(URI.create(gatewayUrl + "/api/echo/fits"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(atTheLimit)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(forwarded.statusCode()).isEqualTo(201);
        assertThat(new JsonObject(forwarded.body()).getString("body")).hasSize(atTheLimit.length);

        byte[] beyond = new byte[atTheLimit.length + 1];
        assertTooLarge(http.send(HttpRequest.newBuilder(URI.create(gatewayUrl + "/api/echo/announced"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(beyond)).build(), HttpResponse.BodyHandlers.ofString()));
        assertThat(upstreamReceived).doesNotContain("/api/echo/announced");

        // a body that does not announce its length (chunked) is cut off where it passes the limit
        assertTooLarge(http.send(HttpRequest.newBuilder(URI.create(gatewayUrl + "/api/echo/chunked"))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(new byte[4 * atTheLimit.length])))
                .build(), HttpResponse.BodyHandlers.ofString()));
        assertThat(unhandled).isEmpty();
    }

    /** The gateway refuses no body a service would take, nor passes one a service refuses (service-support's limit). */
    @Test
    void theBodyLimitIsTheServicesOwn() throws Exception {
        String servicesLimit = null;
        for (URL file : Collections.list(getClass().getClassLoader()
                .getResources("META-INF/microprofile-config.properties"))) {
            Properties properties = new Properties();
            try (InputStream in = file.openStream()) {
                properties.load(in);
            }
            servicesLimit = properties.getProperty("quarkus.http.limits.max-body-size", servicesLimit);
        }
        assertThat(servicesLimit).isEqualTo(Gateway.MAX_BODY_BYTES / 1024 + "K");
    }

    private static void assertTooLarge(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(new JsonObject(response.body()).getString("detail")).contains(String.valueOf(Gateway.MAX_BODY_BYTES));
    }

    /**
     * A slow client, trickling its body in a byte at a time, holds the service's connection no longer than the
     * time a body may take: then it is answered 408 and let go of, as is the service; everyone else is served
     * meanwhile.
     */
    @Test
    void aBodyThatTricklesInSlowerThanTheTimeLimitIsA408ProblemAndLetsGoOfTheService() throws Exception {
        URI gatewayUri = URI.create(gatewayUrl);
        try (Socket slow = new Socket(gatewayUri.getHost(), gatewayUri.getPort())) {
            slow.setSoTimeout(10_000);
            OutputStream out = slow.getOutputStream();
            out.write("POST /api/echo/slow HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            Awaitility.await("the slow request upstream").atMost(Duration.ofSeconds(5)).until(() -> upstreamReceived.contains("/api/echo/slow"));
            long begin = System.nanoTime();
            CompletableFuture<HttpResponse<String>> meanwhile = http.sendAsync(HttpRequest.newBuilder(URI.create(gatewayUrl + "/api/echo/other"))
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
            // a byte every 200 ms: never idle, always too slow
            while (System.nanoTime() - begin < 2 * BODY_TIME_LIMIT.toNanos() && !slow.isInputShutdown()) {
                try {
                    out.write(' ');
                    out.flush();
                } catch (IOException cutOff) {
                    break;
                }
                TimeUnit.MILLISECONDS.sleep(200);
            }
            String answer = new String(slow.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            assertThat(answer).startsWith("HTTP/1.1 408").contains("application/problem+json", "\"status\":408");
            assertThat(meanwhile.get(10, TimeUnit.SECONDS).statusCode()).as("another client, served meanwhile").isEqualTo(201);
        }
        Awaitility.await("the upstream exchange closed").atMost(Duration.ofSeconds(10))
                .until(() -> upstreamClosed.contains("/api/echo/slow"));
        assertThat(unhandled).isEmpty();
    }

    /** What HTTP cannot parse, or beyond the request line's and the headers' limits, is refused as a problem too. */
    @Test
    void aRequestBeyondTheLimitsOfHttpIsAProblem() throws Exception {
        assertThat(rawExchange("GET /api/echo/" + "a".repeat(5_000) + " HTTP/1.1\r\nHost: x\r\n\r\n"))
                .startsWith("HTTP/1.").contains(" 414 ").contains("application/problem+json", "\"status\":414");
        assertThat(rawExchange("GET /api/echo/1 HTTP/1.1\r\nHost: x\r\nX-Big: " + "b".repeat(20_000) + "\r\n\r\n"))
                .startsWith("HTTP/1.").contains(" 431 ").contains("application/problem+json", "\"status\":431");
        assertThat(rawExchange("GET /api/echo/1 HTTP/1.1\r\nHost: x\r\nContent-Length: many\r\n\r\n"))
                .startsWith("HTTP/1.").contains(" 400 ").contains("application/problem+json", "\"status\":400");
        assertThat(upstreamReceived).isEmpty();
    }

    /** Sends the bytes as they are and reads the answer until the gateway closes the connection. */
    private String rawExchange(String request) throws Exception {
        URI gatewayUri = URI.create(gatewayUrl);
        try (Socket socket = new Socket(gatewayUri.getHost(), gatewayUri.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
