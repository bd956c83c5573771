package dev.fashionshop.local.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runner's broker on a data directory that an earlier version of the shop left behind. */
class LocalKafkaTest {

    @Test
    void theConsumerGroupsOfOneTopicThatServicesNoLongerUseAreDeletedAtTheNextStart(@TempDir Path data) throws Exception {
        int port = freePort();
        int controllerPort = freePort();
        try (LocalKafka kafka = LocalKafka.start(data, port, controllerPort); Admin admin = admin(kafka)) {
            assertThat(kafka.formattedNow()).as("a new data directory: no group from before to delete").isTrue();
            committed(admin, "order-view-service.orders");
            committed(admin, "payment-service.store-orders");
            committed(admin, "order-view-service");
        }

        try (LocalKafka kafka = LocalKafka.start(data, port, controllerPort); Admin admin = admin(kafka)) {
            assertThat(kafka.formattedNow()).isFalse();
            // right after the start: the broker is still loading the groups
            kafka.deleteGroupsOfOneTopic(List.of("order-view-service", "payment-service", "store-service"));

            Set<String> groups = admin.listGroups().all().get().stream().map(GroupListing::groupId)
                    .collect(Collectors.toSet());
            assertThat(groups).contains("order-view-service")
                    .doesNotContain("order-view-service.orders", "payment-service.store-orders");
        }
    }

    /** A group with a committed offset and no member, as a stopped service leaves it. */
    private static void committed(Admin admin, String group) throws Exception {
        admin.alterConsumerGroupOffsets(group, Map.of(new TopicPartition("orders", 0), new OffsetAndMetadata(0)))
                .all().get();
    }

    private static Admin admin(LocalKafka kafka) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
