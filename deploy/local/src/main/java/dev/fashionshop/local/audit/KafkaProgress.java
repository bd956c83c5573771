package dev.fashionshop.local.audit;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** How far the shop's consumers are behind, and what the dead-letter topics hold. */
final class KafkaProgress {

    private final Admin admin;

    KafkaProgress(Admin admin) {
        this.admin = admin;
    }

    /**
     * Records not yet consumed (committed), per consumer group, for every group of the cluster. A
     * partition of a group's topics where it never committed counts from its start; a group's topics are
     * those it committed on and the one its name gives ({@code <service>.<topic>}), so that a group that
     * has not committed anything yet is behind on all its topic holds.
     */
    Map<String, Long> lagPerGroup() throws ExecutionException, InterruptedException {
        Map<String, Long> lag = new HashMap<>();
        Set<String> topics = admin.listTopics().names().get();
        for (GroupListing group : admin.listGroups().all().get()) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.groupId())
                    .partitionsToOffsetAndMetadata().get();
            Set<String> consumed = committed.keySet().stream().map(TopicPartition::topic).collect(Collectors.toCollection(HashSet::new));
            String named = group.groupId().substring(group.groupId().lastIndexOf('.') + 1);
            if (topics.contains(named)) {
                consumed.add(named);
            }
            Map<TopicPartition, Long> starts = offsets(partitionsOf(consumed), OffsetSpec.earliest());
            Map<TopicPartition, Long> ends = offsets(starts.keySet(), OffsetSpec.latest());
            long behind = 0;
            for (var end : ends.entrySet()) {
                OffsetAndMetadata position = committed.get(end.getKey());
                behind += end.getValue() - (position == null ? starts.get(end.getKey()) : position.offset());
            }
            lag.put(group.groupId(), Math.max(0, behind));
        }
        return lag;
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
