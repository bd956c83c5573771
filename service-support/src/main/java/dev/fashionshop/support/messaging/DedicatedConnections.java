package dev.fashionshop.support.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.vertx.pgclient.PgConnectOptions;

/**
 * Where a connection of its own to the service's database goes, outside the pool: for what belongs to
 * one session (a LISTEN, a session-level advisory lock) and must not be handed back to the pool.
 */
@ApplicationScoped
public class DedicatedConnections {

    private final PgConnectOptions options;

    DedicatedConnections(@ConfigProperty(name = "quarkus.datasource.reactive.url") String databaseUrl,
            @ConfigProperty(name = "quarkus.datasource.username") String databaseUser,
            @ConfigProperty(name = "quarkus.datasource.password") String databasePassword) {
        this.options = PgConnectOptions.fromUri(databaseUrl).setUser(databaseUser).setPassword(databasePassword);
    }

    /** The options of such a connection: a copy, for the caller to change as it needs. */
    public PgConnectOptions options() {
        return new PgConnectOptions(options);
    }
}
