package dev.fashionshop.benchmark;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;

/**
 * What PostgreSQL has done so far, counted: the transactions each service's database ended
 * ({@code pg_stat_database}: commits and rollbacks, a statement outside a transaction counting as one), the
 * rows its scans went through and the rows it wrote, and
 * the times the server flushed its write-ahead log to disk ({@code pg_stat_wal}, every database together:
 * a commit that changed something waits for one, unless another commit's flush covered it). Unlike CPU
 * time, counts that the JIT's mood and the machine's neighbours leave alone: two runs of the same code
 * count about the same per order, so a change's effect on the database shows even where the CPU figures of
 * two runs differ by more than it.
 */
final class DatabaseCounters implements AutoCloseable {

    private static final String TRANSACTIONS_BY_DATABASE = """
            select datname, xact_commit + xact_rollback from pg_stat_database where datname like '%\\_service'""";
    private static final String ROWS_SCANNED_BY_DATABASE = """
            select datname, tup_returned from pg_stat_database where datname like '%\\_service'""";
    private static final String ROWS_WRITTEN_BY_DATABASE = """
            select datname, tup_inserted + tup_updated + tup_deleted from pg_stat_database where datname like '%\\_service'""";
    private static final String WAL_FLUSHES = "select 'WAL flushes', wal_sync from pg_stat_wal";

    private final String url;
    private Connection connection;

    /** Reads the statistics through the local run's order-service login (any login may read them). */
    DatabaseCounters(int postgresPort) {
        this.url = "jdbc:postgresql://localhost:" + postgresPort + "/order_service";
    }

    /** Transactions ended so far, by database; empty when the database cannot be read. */
    Map<String, Long> transactionsByDatabase() {
        return query(TRANSACTIONS_BY_DATABASE);
    }

    /**
     * Rows the database's scans went through so far, by database: a query that reads more than it needs (a
     * sequential scan where an index would do) shows here before it shows in the CPU figures.
     */
    Map<String, Long> rowsScannedByDatabase() {
        return query(ROWS_SCANNED_BY_DATABASE);
    }

    /** Rows inserted, updated and deleted so far, by database. */
    Map<String, Long> rowsWrittenByDatabase() {
        return query(ROWS_WRITTEN_BY_DATABASE);
    }

    /** The server's WAL flushes so far, under one name; empty when the database cannot be read. */
    Map<String, Long> walFlushes() {
        return query(WAL_FLUSHES);
    }

    /** A query's rows of a name and a count, as a map. */
    private synchronized Map<String, Long> query(String sql) {
        Map<String, Long> counts = new TreeMap<>();
        try {
            if (connection == null) {
                connection = DriverManager.getConnection(url, "order_service", "order_service");
            }
            try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
                while (rows.next()) {
                    counts.put(rows.getString(1), rows.getLong(2));
                }
            }
        } catch (SQLException e) {
            close();
        }
        return counts;
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
