package dev.fashionshop.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.fashionshop.local.services.ServiceSpec;

/**
 * Every event of a run delivered a second time to every consumer changes nothing: each record of the
 * five topics is copied onto its own partition again (same key, value and headers, so the same
 * CloudEvent id), and once the shop is quiet every table of every service is exactly as before.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(RunningShop.class)
class ReplayTest {

    private static final List<String> TOPICS = List.of("items", "orders", "payments", "store-orders", "deliveries");

    private ShopApi shop;

    @BeforeAll
    void connect(ShopApi shop) {
        this.shop = shop;
    }

    @Test
    void replayingEveryEventChangesNothing() throws Exception {
        runTheSagaBothWays();
        shop.assertAuditPasses();
        Map<String, List<String>> before = everyTable();
        Map<String, Double> skippedBefore = duplicatesSkipped();

        int replayed = replayEveryTopic();

        assertThat(replayed).isGreaterThan(10);
        shop.assertAuditPasses();
        Map<String, Double> skippedAfter = duplicatesSkipped();
        skippedBefore.forEach((service, skipped) -> assertThat(skippedAfter.get(service))
                .as(service + " counts the redeliveries it skipped").isGreaterThan(skipped));
        Map<String, List<String>> after = everyTable();
        assertThat(after.keySet()).isEqualTo(before.keySet());
        for (String table : before.keySet()) {
            assertThat(after.get(table)).as(table).containsExactlyElementsOf(before.get(table));
        }
    }

    /** The redeliveries each service skipped so far, every topic together. */
    private Map<String, Double> duplicatesSkipped() {
        Map<String, Double> skipped = new TreeMap<>();
        ServiceSpec.SHOP.forEach(service -> skipped.put(service.name(),
                shop.metrics(service.name()).sum("shop_events_duplicates_total")));
        return skipped;
    }

    /** A delivered order, a cancelled one, a declined one: events on every topic. */
    private void runTheSagaBothWays() {
        String sku = "REPLAY-" + UUID.randomUUID();
        String itemId = shop.registerItem(sku, 5, 4200);
        String delivered = shop.paidOrder("alice", itemId, sku, 1);
        String cancelled = shop.paidOrder("bob", itemId, sku, 2);
        shop.order("alice", itemId, sku, 1, "tok_declined").then().statusCode(402);
        shop.completeDelivery(shop.accept(delivered));
        shop.awaitStoreOrder(cancelled, "RECEIVED");
        shop.cancelAndConfirm("bob", cancelled);
        shop.awaitView("alice", delivered, "DELIVERED");
        shop.awaitView("bob", cancelled, "CANCELLED");
    }

    /** Copies every record of the shop's topics onto its partition again; answers how many. */
    private int replayEveryTopic() throws Exception {
        Map<String, Object> common = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, shop.kafkaBootstrapServers);
        int copied = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(common, new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
                KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, shop.kafkaBootstrapServers, ProducerConfig.ACKS_CONFIG, "all"),
                        new ByteArraySerializer(), new ByteArraySerializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : TOPICS) {
                for (PartitionInfo partition : consumer.partitionsFor(topic)) {
                    partitions.add(new TopicPartition(topic, partition.partition()));
                }
            }
            // no consumer group: this reader commits nothing and is no consumer of the shop
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> starts = consumer.beginningOffsets(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            List<ProducerRecord<byte[], byte[]>> copies = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p)) && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.offset() < ends.get(new TopicPartition(record.topic(), record.partition()))) {
                        copies.add(new ProducerRecord<>(record.topic(), record.partition(), record.key(), record.value(),
                                record.headers()));
                    }
                }
            }
            for (ProducerRecord<byte[], byte[]> copy : copies) {
                producer.send(copy);
                copied++;
            }
            producer.flush();
            assertThat((long) copied).as("every record was read")
                    .isEqualTo(partitions.stream().mapToLong(p -> ends.get(p) - starts.get(p)).sum());
        }
        return copied;
    }

    /** Every row of every table of every service, as text, in a stable order; Flyway's own table left out. */
    private Map<String, List<String>> everyTable() throws SQLException {
        Map<String, List<String>> tables = new TreeMap<>();
        for (String database : ServiceSpec.databases()) {
            try (Connection connection = shop.database(database)) {
                List<String> names = new ArrayList<>();
                try (Statement statement = connection.createStatement();
                        ResultSet result = statement.executeQuery("select tablename from pg_tables where schemaname = 'public'"
                                + " and tablename <> 'flyway_schema_history'")) {
                    while (result.next()) {
                        names.add(result.getString(1));
                    }
                }
                for (String table : names) {
                    tables.put(database + "." + table, rows(connection, table));
                }
            }
        }
        return tables;
    }

    private static List<String> rows(Connection connection, String table) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("select * from " + table)) {
            ResultSetMetaData columns = result.getMetaData();
            while (result.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns.getColumnCount(); i++) {
                    row.append(columns.getColumnName(i)).append('=').append(result.getString(i)).append(' ');
                }
                rows.add(row.toString());
            }
        }
        rows.sort(null);
        return rows;
    }
}
