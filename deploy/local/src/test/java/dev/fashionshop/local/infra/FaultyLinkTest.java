package dev.fashionshop.local.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.vertx.core.Vertx;
import io.vertx.core.net.NetServer;

/**
 * The link the runner's fault tests put in front of Kafka and payment-service, over a server that answers
 * every line it is sent with that line upper-cased.
 */
class FaultyLinkTest {

    private static final String QUESTION = "a question that is longer than sixteen bytes\n";
    private static final String ANSWER = QUESTION.toUpperCase();

    private Vertx vertx;
    private NetServer server;
    private FaultyLink link;

    @BeforeEach
    void open() throws Exception {
        vertx = Vertx.vertx();
        server = vertx.createNetServer().connectHandler(socket -> socket.handler(bytes -> socket.write(bytes.toString().toUpperCase())));
        int serverPort = server.listen(0, "localhost").toCompletionStage().toCompletableFuture().get().actualPort();
        link = FaultyLink.open(vertx, "upper-case", 0, serverPort);
    }

    @AfterEach
    void close() {
        link.close();
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    @Test
    void aGoodLinkPassesEverythingThrough() throws Exception {
        try (Socket client = connect()) {
            assertThat(ask(client, QUESTION)).isEqualTo(ANSWER);
            assertThat(ask(client, "and another\n")).isEqualTo("AND ANOTHER\n");
        }
    }

    @Test
    void aSlowLinkDeliversTheWholeAnswerLate() throws Exception {
        try (Socket client = connect()) {
            CompletableFuture<Void> over = inject(FaultyLink.Fault.SLOW, Duration.ofMillis(800), Duration.ofSeconds(5));
            client.setSoTimeout(400);
            send(client, QUESTION);
            assertThat(readOrNothing(client, ANSWER.length())).as("within the delay").isEmpty();
            client.setSoTimeout(5_000);
            assertThat(read(client, ANSWER.length())).as("after it").isEqualTo(ANSWER);
            over.get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aStalledLinkPassesTheBeginningOfAnAnswerThenHangsUntilTheFaultEndsAndResetsTheConnection() throws Exception {
        try (Socket client = connect()) {
            CompletableFuture<Void> over = inject(FaultyLink.Fault.STALL, Duration.ZERO, Duration.ofSeconds(2));
            client.setSoTimeout(1_000);
            send(client, QUESTION);
            assertThat(readOrNothing(client, ANSWER.length())).as("the beginning of the answer, and no more")
                    .isEqualTo(ANSWER.substring(0, FaultyLink.STALL_AFTER_BYTES));
            over.get(10, TimeUnit.SECONDS);
            client.setSoTimeout(5_000);
            assertThat(client.getInputStream().read()).as("the end of the stream, once the fault is over").isEqualTo(-1);
        }
        try (Socket client = connect()) {
            assertThat(ask(client, QUESTION)).as("a new connection after the fault").isEqualTo(ANSWER);
        }
    }

    @Test
    void aPausedLinkHoldsEveryConnectionOpenAndLosesNothing() throws Exception {
        try (Socket before = connect()) {
            assertThat(ask(before, "hello\n")).isEqualTo("HELLO\n");
            CompletableFuture<Void> over = inject(FaultyLink.Fault.PAUSE, Duration.ZERO, Duration.ofSeconds(2));
            try (Socket during = connect()) {
                before.setSoTimeout(1_000);
                during.setSoTimeout(1_000);
                send(before, QUESTION);
                send(during, "a new connection\n");
                assertThat(readOrNothing(before, ANSWER.length())).as("an open connection, paused").isEmpty();
                assertThat(readOrNothing(during, 1)).as("a new connection, waiting").isEmpty();

                over.get(10, TimeUnit.SECONDS);
                before.setSoTimeout(5_000);
                during.setSoTimeout(5_000);
                assertThat(read(before, ANSWER.length())).isEqualTo(ANSWER);
                assertThat(read(during, "A NEW CONNECTION\n".length())).isEqualTo("A NEW CONNECTION\n");
            }
        }
    }

    private CompletableFuture<Void> inject(FaultyLink.Fault fault, Duration delay, Duration lasting) {
        return link.inject(fault, delay, lasting).toCompletionStage().toCompletableFuture();
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket("localhost", link.port());
        socket.setSoTimeout(5_000);
        return socket;
    }

    private static String ask(Socket socket, String line) throws IOException {
        send(socket, line);
        return read(socket, line.length());
    }

    private static void send(Socket socket, String text) throws IOException {
        socket.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
        socket.getOutputStream().flush();
    }

    /** Reads exactly that many bytes, or fails on the socket's timeout. */
    private static String read(Socket socket, int length) throws IOException {
        byte[] bytes = socket.getInputStream().readNBytes(length);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** What arrives of that many bytes before the socket's timeout. */
    private static String readOrNothing(Socket socket, int length) throws IOException {
        InputStream in = socket.getInputStream();
        StringBuilder read = new StringBuilder();
        try {
            while (read.length() < length) {
                int next = in.read();
                if (next < 0) {
                    break;
                }
                read.append((char) next);
            }
        } catch (SocketTimeoutException nothingMore) {
            // what came is all that will come while the fault lasts
        }
        return read.toString();
    }
}
