package io.tributary.connect.worker;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;

import io.tributary.connect.model.ConnectorOffset;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.connect.errors.ConnectException;

/**
 * A sink connector's offsets: the committed offsets of its consumer group, read and changed through an
 * admin client made for the one operation and closed once it completes.
 */
final class SinkConnectorOffsets {

    // The shape of a sink offset in the REST API (also parsed by herder.OffsetRequests).
    private static final String KAFKA_TOPIC_KEY = "kafka_topic";
    private static final String KAFKA_PARTITION_KEY = "kafka_partition";
    private static final String KAFKA_OFFSET_KEY = "kafka_offset";

    private final Supplier<Admin> admins;
    private final String connector;
    private final String groupId;
    private final Executor closer;

    /** @param closer where admin clients are closed: not on their own callback thread, not on the common pool */
    SinkConnectorOffsets(Supplier<Admin> admins, String connector, String groupId, Executor closer) {
        this.admins = admins;
        this.connector = connector;
        this.groupId = groupId;
        this.closer = closer;
    }

    CompletableFuture<List<ConnectorOffset>> read() {
        return withAdmin(admin -> admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata(),
                "Failed to retrieve consumer group offsets for sink connector " + connector)
                .thenApply(SinkConnectorOffsets::asConnectorOffsets);
    }

    /** The committed partitions, read to tell the connector which offsets a reset removes. */
    CompletableFuture<Set<TopicPartition>> committedPartitions() {
        return withAdmin(admin -> admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata(),
                "Failed to retrieve consumer group offsets for sink connector " + connector)
                .thenApply(Map::keySet);
    }

    /** Removes the null-valued partitions' committed offsets, then commits the others. */
    CompletableFuture<Void> alter(Map<TopicPartition, Long> offsets) {
        Map<TopicPartition, OffsetAndMetadata> toCommit = new HashMap<>();
        Set<TopicPartition> toRemove = new HashSet<>();
        offsets.forEach((partition, offset) -> {
            if (offset == null) {
                toRemove.add(partition);
            } else {
                toCommit.put(partition, new OffsetAndMetadata(offset));
            }
        });
        String failure = "Failed to alter consumer group offsets for connector " + connector;
        CompletableFuture<Void> removed = toRemove.isEmpty() ? CompletableFuture.completedFuture(null)
                : withAdmin(admin -> admin.deleteConsumerGroupOffsets(groupId, toRemove).all(), failure);
        return removed.thenCompose(ignored -> toCommit.isEmpty() ? CompletableFuture.completedFuture(null)
                : withAdmin(admin -> admin.alterConsumerGroupOffsets(groupId, toCommit).all(), failure));
    }

    /** Deletes the consumer group; a group that does not exist has nothing to reset. */
    CompletableFuture<Void> reset() {
        return withAdmin(admin -> admin.deleteConsumerGroups(Set.of(groupId)).all(),
                "Failed to reset consumer group offsets for connector " + connector)
                .exceptionallyCompose(error -> rootCause(error) instanceof GroupIdNotFoundException
                        ? CompletableFuture.completedFuture(null) : CompletableFuture.failedFuture(error));
    }

    private static List<ConnectorOffset> asConnectorOffsets(Map<TopicPartition, OffsetAndMetadata> committed) {
        List<ConnectorOffset> offsets = new ArrayList<>();
        committed.forEach((partition, offset) -> {
            if (offset != null) {
                Map<String, Object> key = new LinkedHashMap<>();
                key.put(KAFKA_PARTITION_KEY, partition.partition());
                key.put(KAFKA_TOPIC_KEY, partition.topic());
                offsets.add(new ConnectorOffset(key, Map.of(KAFKA_OFFSET_KEY, offset.offset())));
            }
        });
        return offsets;
    }

    private <T> CompletableFuture<T> withAdmin(Function<Admin, KafkaFuture<T>> call,
                                               String failure) {
        Admin admin;
        try {
            admin = admins.get();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(new ConnectException(failure, e));
        }
        CompletableFuture<T> answer = new CompletableFuture<>();
        try {
            call.apply(admin).whenComplete((value, error) -> {
                if (error == null) {
                    answer.complete(value);
                } else {
                    answer.completeExceptionally(new ConnectException(failure, error));
                }
            });
        } catch (RuntimeException e) {
            answer.completeExceptionally(new ConnectException(failure, e));
        }
        // Closing from the admin's own callback thread would wait on itself.
        return answer.whenCompleteAsync((value, error) -> Utils.closeQuietly(admin, "admin client of " + connector),
                closer);
    }

    static Throwable rootCause(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
