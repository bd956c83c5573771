package dev.fashionshop.local;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * An HTTP client that goes away in the middle of an answer, as a killed browser or curl does: it reads
 * the head of the answer, then closes its connection with a reset. Its receive buffer is small, so that
 * the rest of a large answer cannot be buffered for it on the way.
 */
final class LeavingClient implements AutoCloseable {

    private final Socket socket;
    private String head;

    private LeavingClient(Socket socket) {
        this.socket = socket;
    }

    /** Sends GET path (with the bearer token, if any) and reads the answer's head. */
    static LeavingClient get(String baseUrl, String path, String token) throws IOException {
        LeavingClient client = send(baseUrl, path, token);
        client.head();
        return client;
    }

    /** Sends GET path (with the bearer token, if any), reading nothing yet. */
    static LeavingClient send(String baseUrl, String path, String token) throws IOException {
        URI base = URI.create(baseUrl);
        Socket socket = new Socket();
        socket.setReceiveBufferSize(4096);
        socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5_000);
        socket.setSoTimeout(60_000);
        String authorization = token == null ? "" : "Authorization: Bearer " + token + "\r\n";
        socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: " + base.getAuthority() + "\r\n" + authorization + "\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        return new LeavingClient(socket);
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).contains("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
        }
        return head.toString(StandardCharsets.US_ASCII);
    }

    /** The status line and headers of the answer, read when first asked for. */
    String head() throws IOException {
        if (head == null) {
            head = readHead(socket.getInputStream());
        }
        return head;
    }

    /** Goes away with a reset, without reading the rest. */
    @Override
    public void close() throws IOException {
        socket.setSoLinger(true, 0);
        socket.close();
    }
}
