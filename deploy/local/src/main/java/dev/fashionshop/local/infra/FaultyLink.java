package dev.fashionshop.local.infra;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetSocket;

/**
 * A TCP link between the services and a server the runner starts, which the runner can make bad on demand
 * for a while: {@link Fault#SLOW} (every answer arrives late), {@link Fault#STALL} (answers stop part-way and
 * the connection hangs until its client gives up) or {@link Fault#PAUSE} (nothing moves either way and
 * connections stay open; new ones are accepted and left waiting: what a server stopped with SIGSTOP looks
 * like from the network). Otherwise it passes the bytes through as they come.
 * <p>
 * Everything runs on the link's own event-loop context, so its state needs no locks.
 */
public final class FaultyLink implements AutoCloseable {

    /** What the link does to the bytes while a fault lasts. */
    public enum Fault {
        /** Answers arrive {@code delay} late. */
        SLOW,
        /** Each connection passes the first bytes of its answer, then nothing more. */
        STALL,
        /** Nothing moves, either way. */
        PAUSE
    }

    /** How much of an answer a stalled connection still passes: a status line's worth. */
    static final int STALL_AFTER_BYTES = 16;

    private final Vertx vertx;
    private final Context context;
    private final String name;
    private final int upstreamPort;
    private final NetClient client;
    private NetServer server;
    private final Set<Connection> connections = new HashSet<>();
    /** Written on the link's context only; read by anyone. */
    private volatile Fault fault;
    private Duration delay = Duration.ZERO;
    private Promise<Void> faultOver;

    private FaultyLink(Vertx vertx, String name, int upstreamPort) {
        this.vertx = vertx;
        this.context = vertx.getOrCreateContext();
        this.name = name;
        this.upstreamPort = upstreamPort;
        this.client = vertx.createNetClient();
    }

    /** A link listening on {@code port} (0: any free port) to the server on {@code upstreamPort}. */
    public static FaultyLink open(Vertx vertx, String name, int port, int upstreamPort) throws Exception {
        FaultyLink link = new FaultyLink(vertx, name, upstreamPort);
        Promise<NetServer> listening = Promise.promise();
        link.context.runOnContext(v -> {
            link.server = vertx.createNetServer().connectHandler(link::accept);
            link.server.listen(port, "localhost").onComplete(listening);
        });
        listening.future().toCompletionStage().toCompletableFuture().get();
        return link;
    }

    public String name() {
        return name;
    }

    public int port() {
        return server.actualPort();
    }

    /** The fault under way, if any. */
    public Optional<Fault> fault() {
        return Optional.ofNullable(fault);
    }

    /**
     * Makes the link bad for {@code lasting}, then good again (one fault at a time: a second waits for none and
     * replaces the first). The future completes once the fault is over.
     */
    public Future<Void> inject(Fault newFault, Duration newDelay, Duration lasting) {
        Promise<Void> over = Promise.promise();
        context.runOnContext(v -> {
            clear();
            fault = newFault;
            delay = newDelay;
            faultOver = over;
            if (newFault == Fault.PAUSE) {
                connections.forEach(Connection::pause);
            } else if (newFault == Fault.STALL) {
                connections.forEach(Connection::stallAnswer);
            }
            vertx.setTimer(Math.max(1, lasting.toMillis()), timer -> {
                if (faultOver == over) {
                    clear();
                }
            });
        });
        return over.future();
    }

    private void clear() {
        Fault ended = fault;
        fault = null;
        if (ended == Fault.PAUSE) {
            Set.copyOf(connections).forEach(Connection::resume);
        } else if (ended == Fault.STALL) {
            // a hung server that comes back has lost what it was answering: the connections it hung on are reset
            Set.copyOf(connections).stream().filter(Connection::stalled).forEach(Connection::close);
        }
        if (faultOver != null) {
            faultOver.tryComplete();
            faultOver = null;
        }
    }

    private void accept(NetSocket downstream) {
        Connection connection = new Connection(downstream);
        connections.add(connection);
        downstream.pause();
        downstream.closeHandler(v -> connection.close());
        if (fault != Fault.PAUSE) {
            connection.connect();
        }
    }

    @Override
    public void close() {
        Promise<Void> closed = Promise.promise();
        context.runOnContext(v -> {
            clear();
            Set.copyOf(connections).forEach(Connection::close);
            client.close();
            server.close().onComplete(closed);
        });
        closed.future().toCompletionStage().toCompletableFuture().join();
    }

    /** One client's connection, and the link's own connection to the server for it. */
    private final class Connection {

        private final NetSocket downstream;
        private NetSocket upstream;
        private boolean connecting;
        private final ArrayDeque<Late> lateAnswers = new ArrayDeque<>();
        private long lastDueMillis;
        /** While the answer stalls: how many more bytes it may pass; -1 when it does not stall. */
        private int stallBudget = -1;

        private record Late(long dueMillis, Buffer bytes) {
        }

        Connection(NetSocket downstream) {
            this.downstream = downstream;
        }

        void connect() {
            if (upstream != null || connecting) {
                return;
            }
            connecting = true;
            client.connect(upstreamPort, "localhost").onComplete(connected -> {
                connecting = false;
                if (connected.failed()) {
                    close();
                    return;
                }
                upstream = connected.result();
                if (!connections.contains(this)) {
                    upstream.close();
                    return;
                }
                upstream.handler(this::answer);
                upstream.closeHandler(v -> close());
                downstream.handler(bytes -> forward(upstream, downstream, bytes));
                upstream.drainHandler(v -> resumeUnlessPaused(downstream));
                downstream.drainHandler(v -> resumeUnlessPaused(upstream));
                if (fault == Fault.STALL) {
                    stallAnswer();
                }
                if (fault == Fault.PAUSE) {
                    upstream.pause();
                } else {
                    downstream.resume();
                }
            });
        }

        /** Bytes from the server to the client, as the fault has them. */
        private void answer(Buffer bytes) {
            if (stallBudget >= 0) {
                if (stallBudget > 0) {
                    Buffer passed = bytes.length() > stallBudget ? bytes.getBuffer(0, stallBudget) : bytes;
                    stallBudget -= passed.length();
                    downstream.write(passed);
                }
                upstream.pause();
                return;
            }
            if (fault == Fault.SLOW || !lateAnswers.isEmpty()) {
                long now = System.currentTimeMillis();
                long due = Math.max(lastDueMillis, now + (fault == Fault.SLOW ? delay.toMillis() : 0));
                lastDueMillis = due;
                lateAnswers.add(new Late(due, bytes));
                vertx.setTimer(Math.max(1, due - now), timer -> deliverDue());
                return;
            }
            forward(downstream, upstream, bytes);
        }

        private void deliverDue() {
            long now = System.currentTimeMillis();
            while (!lateAnswers.isEmpty() && lateAnswers.peek().dueMillis() <= now) {
                downstream.write(lateAnswers.poll().bytes());
            }
        }

        private void forward(NetSocket to, NetSocket from, Buffer bytes) {
            to.write(bytes);
            if (to.writeQueueFull()) {
                from.pause();
            }
        }

        private void resumeUnlessPaused(NetSocket socket) {
            if (fault != Fault.PAUSE && stallBudget < 0) {
                socket.resume();
            }
        }

        void stallAnswer() {
            if (stallBudget < 0) {
                stallBudget = STALL_AFTER_BYTES;
            }
        }

        boolean stalled() {
            return stallBudget >= 0;
        }

        void pause() {
            downstream.pause();
            if (upstream != null) {
                upstream.pause();
            }
        }

        void resume() {
            if (upstream == null) {
                connect();
                return;
            }
            downstream.resume();
            upstream.resume();
        }

        void close() {
            if (!connections.remove(this)) {
                return;
            }
            downstream.close();
            if (upstream != null) {
                upstream.close();
            }
        }
    }
}
