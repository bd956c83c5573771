package dev.fashionshop.testsupport;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

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

    /** Runs the action while a connection of its own holds the given (session-level) advisory lock. */
    public void whileHoldingAdvisoryLock(long lock, Runnable action) {
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement take = prepare(connection, "select pg_advisory_lock(?)", lock)) {
                take.execute();
            }
            try {
                action.run();
            } finally {
                try (PreparedStatement release = prepare(connection, "select pg_advisory_unlock(?)", lock)) {
                    release.execute();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not hold the advisory lock " + lock, e);
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
