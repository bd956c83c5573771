package dev.fashionshop.support.messaging;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgConnectOptions;

/**
 * Which replica of a service relays its outbox: the one holding a session-level advisory lock on a
 * connection of its own. PostgreSQL releases the lock when that connection ends, so a replica that stops,
 * dies or loses its database hands the relay on; another takes it at its next claim.
 */
final class RelayLeadership {

    private static final Logger LOG = Logger.getLogger(RelayLeadership.class);

    private final Vertx vertx;
    private final PgConnectOptions options;
    private final long lock;
    private PgConnection connection;
    private boolean held;

    RelayLeadership(Vertx vertx, PgConnectOptions options, long lock) {
        this.vertx = vertx;
        this.options = options;
        this.lock = lock;
    }

    synchronized boolean held() {
        return held;
    }

    /** Takes the lead if no other replica has it; answers whether this one leads now. */
    Uni<Boolean> claim() {
        if (held()) {
            return Uni.createFrom().item(true);
        }
        return connection().chain(session -> session.preparedQuery("select pg_try_advisory_lock($1)")
                .execute(Tuple.of(lock))
                .map(rows -> rows.iterator().next().getBoolean(0))
                .invoke(taken -> {
                    if (taken) {
                        led(session);
                    }
                }))
                .onFailure().recoverWithItem(failure -> {
                    LOG.debugf("Could not claim the outbox relay: %s", failure.toString());
                    return false;
                });
    }

    /** Gives the lead up (its connection is closed, which releases the lock). */
    synchronized void release() {
        held = false;
        if (connection != null) {
            connection.closeAndForget();
            connection = null;
        }
    }

    private synchronized void led(PgConnection session) {
        if (session == connection) {
            held = true;
            LOG.info("This replica relays the outbox");
        }
    }

    private synchronized Uni<PgConnection> connection() {
        if (connection != null) {
            return Uni.createFrom().item(connection);
        }
        return PgConnection.connect(vertx, options).invoke(this::opened);
    }

    private synchronized void opened(PgConnection session) {
        if (connection != null) {
            // a claim that overlapped another: one connection is enough
            session.closeAndForget();
            return;
        }
        connection = session;
        session.closeHandler(() -> closed(session));
    }

    private synchronized void closed(PgConnection session) {
        if (session == connection) {
            if (held) {
                LOG.warn("The outbox relay's lock connection ended; another replica (or this one, later) takes the relay on");
            }
            held = false;
            connection = null;
        }
    }
}
