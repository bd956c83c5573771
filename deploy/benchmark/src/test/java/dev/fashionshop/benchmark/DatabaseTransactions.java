package dev.fashionshop.benchmark;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;

/**
 * The transactions each service's database has ended so far (PostgreSQL's {@code pg_stat_database}: commits
 * and rollbacks, a statement outside a transaction counting as one). Unlike CPU time, a count that the JIT's
 * mood and the machine's neighbours leave alone: two runs of the same code count the same per order, so a
 * change's effect on the database shows even where the CPU figures of two runs differ by more than it.
 */
final class DatabaseTransactions implements AutoCloseable {

    private static final String BY_DATABASE = """
            select datname, xact_commit + xact_rollback from pg_stat_database where datname like '%\\_service'""";

    private final String url;
    private Connection connection;

    /** Reads the statistics through the local run's order-service login (any login may read them). */
    DatabaseTransactions(int postgresPort) {
        this.url = "jdbc:postgresql://localhost:" + postgresPort + "/order_service";
    }

    /** Transactions ended so far, by database; empty when the database cannot be read. */
    synchronized Map<String, Long> ended() {
        Map<String, Long> ended = new TreeMap<>();
        try {
            if (connection == null) {
                connection = DriverManager.getConnection(url, "order_service", "order_service");
            }
            try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(BY_DATABASE)) {
                while (rows.next()) {
                    ended.put(rows.getString(1), rows.getLong(2));
                }
            }
        } catch (SQLException e) {
            close();
        }
        return ended;
    }

    @Override
    public synchronized void close() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // closing is all that was left to do with it
            }
            connection = null;
        }
    }
}
