package dev.fashionshop.local.audit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * Where the audit reads the shop: the services' databases on one PostgreSQL server (each database
 * read with its own service's login, as the local run creates them: user and password are the
 * database's name, unless one login is given for all) and the Kafka cluster.
 */
public record ShopConnections(String postgresHost, int postgresPort, String user, String password,
        String kafkaBootstrapServers) {

    /** The local run's databases and broker, on the given ports. */
    public static ShopConnections local(int postgresPort, String kafkaBootstrapServers) {
        return new ShopConnections("localhost", postgresPort, null, null, kafkaBootstrapServers);
    }

    Connection database(String name) throws SQLException {
        Properties login = new Properties();
        login.setProperty("user", user == null ? name : user);
        login.setProperty("password", password == null ? name : password);
        return DriverManager.getConnection("jdbc:postgresql://" + postgresHost + ":" + postgresPort + "/" + name, login);
    }

    Admin kafka() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000));
    }
}
