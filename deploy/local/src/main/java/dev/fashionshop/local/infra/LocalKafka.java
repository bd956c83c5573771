package dev.fashionshop.local.infra;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

import dev.fashionshop.support.messaging.ShopTopics;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;

/**
 * A single-node Kafka KRaft server (broker and controller in one) whose log lives in the data
 * directory, so that topics and events survive a restart of the runner. The log directory is
 * formatted once, on first use, as kafka-storage.sh would.
 */
public final class LocalKafka implements AutoCloseable {

    private final KafkaRaftServer server;
    private final int port;
    private final boolean formattedNow;

    private LocalKafka(KafkaRaftServer server, int port, boolean formattedNow) {
        this.server = server;
        this.port = port;
        this.formattedNow = formattedNow;
    }

    public static LocalKafka start(Path logDirectory, int port, int controllerPort) throws Exception {
        return start(logDirectory, port, port, controllerPort);
    }

    /**
     * A broker listening on {@code port} that tells its clients to reach it on {@code advertisedPort}: the
     * port of a link in front of it (FaultyLink), which every client's connection then goes through.
     */
    public static LocalKafka start(Path logDirectory, int port, int advertisedPort, int controllerPort) throws Exception {
        Files.createDirectories(logDirectory);
        KafkaConfig config = KafkaConfig.fromProps(serverProperties(logDirectory, port, advertisedPort, controllerPort), false);
        boolean formattedNow = !Files.exists(logDirectory.resolve("meta.properties"));
        if (formattedNow) {
            format(config, logDirectory);
        }
        KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
        server.startup();
        LocalKafka kafka = new LocalKafka(server, port, formattedNow);
        try {
            kafka.createMissingTopics(ShopTopics.allWithDeadLetterTopics(), ShopTopics.PARTITIONS);
        } catch (Exception e) {
            kafka.close();
            throw e;
        }
        return kafka;
    }

    /** Whether this start formatted the log directory: a new one, with no topic, group or event from before. */
    public boolean formattedNow() {
        return formattedNow;
    }

    public String bootstrapServers() {
        return "localhost:" + port;
    }

    private static Properties serverProperties(Path logDirectory, int port, int advertisedPort, int controllerPort) {
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", "1");
        props.put("controller.quorum.voters", "1@localhost:" + controllerPort);
        props.put("listeners", "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://localhost:" + advertisedPort);
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.put("controller.listener.names", "CONTROLLER");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("log.dirs", logDirectory.toString());
        props.put("offsets.topic.replication.factor", "1");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        // every topic is created up front (see ShopTopics): a mistyped name fails instead of creating a topic
        props.put("auto.create.topics.enable", "false");
        return props;
    }

    private static void format(KafkaConfig config, Path logDirectory) throws Exception {
        new Formatter()
                .setClusterId(Uuid.randomUuid().toString())
                .setNodeId(config.nodeId())
                .setControllerListenerName("CONTROLLER")
                .setMetadataLogDirectory(logDirectory.toString())
                .addDirectory(logDirectory.toString())
                .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                .setPrintStream(System.out)
                .run();
    }

    private void createMissingTopics(List<String> topics, int partitions) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = topics.stream()
                    .filter(topic -> !existing.contains(topic))
                    .map(topic -> new NewTopic(topic, partitions, (short) 1))
                    .toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get();
            }
        }
    }

    /**
     * Until 2026-11 each service had a consumer group per topic ({@code <service>.<topic>}); now one group per
     * service reads all its topics. The old groups of a data directory are left behind, empty and ever more
     * behind (the audit would wait for them forever): the runner deletes them before any service starts (a
     * log directory formatted by this start has none, and is spared 25 futile deletions). The
     * new groups begin at the topics' start, and the inboxes pass over what was processed before. The groups
     * are deleted by name: right after a start the broker is still loading its groups, and a listing would
     * come back empty, where a deletion waits for the loading to end.
     */
    public void deleteGroupsOfOneTopic(List<String> services) throws Exception {
        List<String> candidates = services.stream()
                .flatMap(service -> ShopTopics.TOPICS.stream().map(topic -> service + "." + topic)).toList();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            for (var deletion : admin.deleteConsumerGroups(candidates).deletedGroups().entrySet()) {
                try {
                    deletion.getValue().get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof GroupIdNotFoundException)) {
                        throw e;
                    }
                }
            }
        }
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }
}
