package dev.fashionshop.local.gateway;

import java.time.Duration;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;

/**
 * A request body passed on as it comes, until it grows beyond the limit or its time runs out before its end: from
 * there on nothing more is passed on (nor its end), what still comes is dropped, and the gateway is told once,
 * which. The size limit is for a body that does not announce its length (chunked); one that does is refused before
 * any of it is read. The time limit keeps a client that trickles its body in from holding a service's connection.
 */
final class LimitedBody implements ReadStream<Buffer> {

    private final Vertx vertx;
    private final ReadStream<Buffer> body;
    private final long limit;
    private final Duration timeLimit;
    private final Runnable exceededLimit;
    private final Runnable tooSlow;
    private long received;
    private boolean exceeded;
    private boolean ended;
    private long deadline = -1;

    LimitedBody(Vertx vertx, ReadStream<Buffer> body, long limit, Duration timeLimit, Runnable exceededLimit,
            Runnable tooSlow) {
        this.vertx = vertx;
        this.body = body;
        this.limit = limit;
        this.timeLimit = timeLimit;
        this.exceededLimit = exceededLimit;
        this.tooSlow = tooSlow;
    }

    /** Whether the body was cut off, too large or too slow. */
    boolean exceeded() {
        return exceeded;
    }

    /** Counts the time from the first read on (the upstream request is sent then). */
    private void startTheClock() {
        if (deadline < 0 && !ended) {
            deadline = vertx.setTimer(Math.max(1, timeLimit.toMillis()), late -> {
                if (!ended && !exceeded) {
                    exceeded = true;
                    tooSlow.run();
                }
            });
        }
    }

    @Override
    public ReadStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
        body.exceptionHandler(handler);
        return this;
    }

    @Override
    public ReadStream<Buffer> handler(Handler<Buffer> handler) {
        if (handler == null) {
            body.handler(null);
            return this;
        }
        startTheClock();
        body.handler(chunk -> {
            if (exceeded) {
                return;
            }
            received += chunk.length();
            if (received > limit) {
                exceeded = true;
                exceededLimit.run();
                return;
            }
            handler.handle(chunk);
        });
        return this;
    }

    @Override
    public ReadStream<Buffer> pause() {
        body.pause();
        return this;
    }

    @Override
    public ReadStream<Buffer> resume() {
        body.resume();
        return this;
    }

    @Override
    public ReadStream<Buffer> fetch(long amount) {
        body.fetch(amount);
        return this;
    }

    @Override
    public ReadStream<Buffer> endHandler(Handler<Void> endHandler) {
        body.endHandler(endHandler == null ? null : end -> {
            ended = true;
            vertx.cancelTimer(deadline);
            if (!exceeded) {
                endHandler.handle(end);
            }
        });
        return this;
    }
}
