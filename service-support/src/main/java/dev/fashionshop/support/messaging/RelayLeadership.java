package dev.fashionshop.support.messaging;

import java.util.concurrent.atomic.AtomicBoolean;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgConnectOptions;

/**
 * Which replica of a service relays its outbox: the one holding a session-level advisory lock on a
 * connection of its own. PostgreSQL releases the lock when that connection ends, so a replica that stops,
 * dies or loses its database hands the relay on; another takes it at its next claim. The leader checks its
 * connection at each claim, so a connection that died unnoticed does not keep it leading.
 */
final class RelayLeadership {

    private static final Logger LOG = Logger.getLogger(RelayLeadership.class);

    private final Vertx vertx;
    private final PgConnectOptions options;
    private final long lock;
    private final AtomicBoolean claiming = new AtomicBoolean();
    private PgConnection connection;
    private boolean held;
    private boolean released;

    RelayLeadership(Vertx vertx, PgConnectOptions options, long lock) {
        this.vertx = vertx;
        options.setTcpKeepAlive(true);
        this.options = options;
        this.lock = lock;
    }

    synchronized boolean held() {
        return held;
    }

    /**
     * Takes the lead if no other replica has it, or makes sure the lead's connection is still there; answers
     * whether this replica leads now. A claim while another is under way answers what is known.
     */
    Uni<Boolean> claim() {
        if (!claiming.compareAndSet(false, true)) {
            return Uni.createFrom().item(held());
        }
        Uni<Boolean> attempt = held() ? stillHeld() : take();
        return attempt
                .onFailure().recoverWithItem(failure -> {
                    LOG.debugf("Could not claim the outbox relay: %s", failure.toString());
                    return false;
                })
                .eventually(() -> claiming.set(false));
    }

    /** Gives the lead up for good (its connection is closed, which releases the lock). */
    synchronized void release() {
        released = true;
        giveUp();
    }

    /** Gives the lead up for now (a replica whose drains keep failing lets another try); it may claim again. */
    synchronized void giveUp() {
        held = false;
        if (connection != null) {
            connection.closeAndForget();
            connection = null;
        }
    }

    private Uni<Boolean> stillHeld() {
        PgConnection session = currentConnection();
        if (session == null) {
            return Uni.createFrom().item(false);
        }
        return session.query("select 1").execute().replaceWith(true)
                .onFailure().invoke(failure -> giveUp());
    }

    private Uni<Boolean> take() {
        return connection().chain(session -> session.preparedQuery("select pg_try_advisory_lock($1)")
                .execute(Tuple.of(lock))
                .map(rows -> rows.iterator().next().getBoolean(0) && led(session)));
    }

    private synchronized boolean led(PgConnection session) {
        if (session != connection || released) {
            return false;
        }
        held = true;
        LOG.info("This replica relays the outbox");
        return true;
    }

    private synchronized PgConnection currentConnection() {
        return connection;
    }

    private Uni<PgConnection> connection() {
        PgConnection open = currentConnection();
        return open != null ? Uni.createFrom().item(open) : PgConnection.connect(vertx, options).map(this::opened);
    }

    private synchronized PgConnection opened(PgConnection session) {
        if (released) {
            session.closeAndForget();
            throw new IllegalStateException("The relay stopped while connecting");
        }
        connection = session;
        session.closeHandler(() -> closed(session));
        return session;
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
