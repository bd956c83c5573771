package dev.fashionshop.local.audit;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;

/** How far the shop's consumers are behind, and what the dead-letter topics hold. */
final class KafkaProgress {

    private final Admin admin;

    KafkaProgress(Admin admin) {
        this.admin = admin;
    }

    /**
     * Records not yet consumed (committed), per consumer group, for every group of the cluster. A group's
     * topics are those it committed on and those assigned to its members, and where it never committed it
     * is behind by everything the topic holds; a group that is still being balanced counts as behind.
     */
    Map<String, Long> lagPerGroup() throws ExecutionException, InterruptedException {
        Map<String, Long> lag = new HashMap<>();
        List<String> groups = admin.listGroups().all().get().stream().map(GroupListing::groupId).toList();
        Map<String, ConsumerGroupDescription> described = groups.isEmpty() ? Map.of()
                : admin.describeConsumerGroups(groups).all().get();
        for (String group : groups) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get();
            Set<String> consumed = committed.keySet().stream().map(TopicPartition::topic).collect(Collectors.toCollection(HashSet::new));
            ConsumerGroupDescription description = described.get(group);
            if (description != null) {
                description.members().forEach(member -> member.assignment().topicPartitions()
                        .forEach(partition -> consumed.add(partition.topic())));
            }
            Map<TopicPartition, Long> starts = offsets(partitionsOf(consumed), OffsetSpec.earliest());
            Map<TopicPartition, Long> ends = offsets(starts.keySet(), OffsetSpec.latest());
            long behind = 0;
            for (var end : ends.entrySet()) {
                OffsetAndMetadata position = committed.get(end.getKey());
                behind += end.getValue() - (position == null ? starts.get(end.getKey()) : position.offset());
            }
            lag.put(group, balancing(description) ? Math.max(1, behind) : Math.max(0, behind));
        }
        return lag;
    }

    private static boolean balancing(ConsumerGroupDescription description) {
        return description != null && (description.groupState() == GroupState.PREPARING_REBALANCE
                || description.groupState() == GroupState.COMPLETING_REBALANCE
                || description.groupState() == GroupState.ASSIGNING
                || description.groupState() == GroupState.RECONCILING);
    }

    /** Records in each dead-letter topic (the topics named {@code *-dlq}). */
    Map<String, Long> deadLetters() throws ExecutionException, InterruptedException {
        Set<TopicPartition> partitions = partitionsOf(admin.listTopics().names().get().stream()
                .filter(name -> name.endsWith("-dlq")).toList());
        Map<TopicPartition, Long> starts = offsets(partitions, OffsetSpec.earliest());
        Map<String, Long> counts = new HashMap<>();
        offsets(partitions, OffsetSpec.latest())
                .forEach((partition, end) -> counts.merge(partition.topic(), end - starts.get(partition), Long::sum));
        return counts;
    }

    private Set<TopicPartition> partitionsOf(Collection<String> topics) throws ExecutionException, InterruptedException {
        if (topics.isEmpty()) {
            return Set.of();
        }
        Set<TopicPartition> partitions = new HashSet<>();
        admin.describeTopics(topics).allTopicNames().get().values().forEach(topic -> topic.partitions()
                .forEach(p -> partitions.add(new TopicPartition(topic.name(), p.partition()))));
        return partitions;
    }

    private Map<TopicPartition, Long> offsets(Set<TopicPartition> partitions, OffsetSpec spec)
            throws ExecutionException, InterruptedException {
        if (partitions.isEmpty()) {
            return Map.of();
        }
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> offsets = admin
                .listOffsets(partitions.stream().collect(Collectors.toMap(p -> p, p -> spec))).all().get();
        return offsets.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }
}
