package dev.fashionshop.testsupport;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.sql.DataSource;

import org.awaitility.Awaitility;

/** Reads and changes the service's database behind its back, for assertions and for setting up a state. */
public final class DatabaseTestClient {

    private final DataSource dataSource;

    DatabaseTestClient(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The single number a query answers, e.g. a count. */
    public long queryForLong(String sql, Object... parameters) {
        return single(sql, row -> row.getLong(1), parameters);
    }

    /** The single text a query answers, e.g. an id. */
    public String queryForString(String sql, Object... parameters) {
        return single(sql, row -> row.getString(1), parameters);
    }

    @FunctionalInterface
    private interface Column<T> {
        T read(ResultSet row) throws SQLException;
    }

    private <T> T single(String sql, Column<T> column, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = prepare(connection, sql, parameters);
                ResultSet result = statement.executeQuery()) {
            if (!result.next()) {
                throw new AssertionError("No row for: " + sql);
            }
            return column.read(result);
        } catch (SQLException e) {
            throw new IllegalStateException("Query failed: " + sql, e);
        }
    }

    public int update(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = prepare(connection, sql, parameters)) {
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Update failed: " + sql, e);
        }
    }

    /**
     * Takes a session-level advisory lock from the connection holding it, as another replica does when the
     * holder's connection ends: queues for the lock, ends the holder's connection (PostgreSQL then grants the
     * lock to the first in the queue, this one), and runs the action while holding it.
     */
    public void whileHoldingAdvisoryLockTakenFromItsHolder(long lock, Runnable action) {
        String thisLock = "locktype = 'advisory' and classid::bigint = ? and objid::bigint = ? and objsubid = 1";
        Object[] key = { lock >>> 32, lock & 0xFFFF_FFFFL };
        try (Connection holder = dataSource.getConnection(); Connection other = dataSource.getConnection()) {
            long holderPid = single(holder, "select pg_backend_pid()");
            String heldByAnother = "select count(*) from pg_locks where " + thisLock + " and granted and pid <> ?";
            Awaitility.await().until(() -> single(other, heldByAnother, key[0], key[1], (int) holderPid) == 1);
            CompletableFuture<Void> taken = CompletableFuture.runAsync(() -> execute(holder, "select pg_advisory_lock(?)", lock));
            String queued = "select count(*) from pg_locks where " + thisLock + " and pid = ? and not granted";
            Awaitility.await().until(() -> single(other, queued, key[0], key[1], (int) holderPid) == 1);
            long ended = single(other, "select count(*) from (select pg_terminate_backend(pid) from pg_locks where "
                    + thisLock + " and granted and pid <> ?) holders", key[0], key[1], (int) holderPid);
            if (ended != 1) {
                throw new IllegalStateException("Expected one holder of the advisory lock " + lock + ", ended " + ended);
            }
            taken.get(10, TimeUnit.SECONDS);
            try {
                action.run();
            } finally {
                execute(holder, "select pg_advisory_unlock(?)", lock);
            }
        } catch (SQLException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not take the advisory lock " + lock, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static long single(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, parameters); ResultSet result = statement.executeQuery()) {
            result.next();
            return result.getLong(1);
        }
    }

    private static void execute(Connection connection, String sql, Object... parameters) {
        try (PreparedStatement statement = prepare(connection, sql, parameters)) {
            statement.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("Failed: " + sql, e);
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... parameters) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }
}
