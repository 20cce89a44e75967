package org.apache.kafka.connect.util;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.LeaderNotAvailableException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.UnsupportedVersionException;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;

/**
 * The part of Kafka Connect's admin wrapper that plugins use: MirrorMaker 2 describes the compacted topics it
 * creates with {@link #defineTopic(String)}, and hands a {@code TopicAdmin} over its own {@link Admin} to the
 * {@link KafkaBasedLog}s that read them. Closing it closes that admin client.
 */
public class TopicAdmin implements AutoCloseable {

    private final String bootstrapServers;
    private final Admin admin;

    /**
     * @param adminConfig the settings {@code adminClient} was created with; only {@code bootstrap.servers} is
     *                    read, to name the cluster in error messages
     * @param adminClient the client used, and closed by {@link #close()}
     */
    public TopicAdmin(Map<String, Object> adminConfig, Admin adminClient) {
        Object servers = adminConfig == null ? null : adminConfig.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG);
        this.bootstrapServers = servers == null ? "<unknown>" : servers.toString();
        this.admin = adminClient;
    }

    /** Starts the description of a topic to create; partitions and replication are the broker's unless set. */
    public static NewTopicBuilder defineTopic(String topicName) {
        return new NewTopicBuilder(topicName);
    }

    /**
     * The log end offset of each partition, read uncommitted: where a reader of the topic has seen everything
     * written so far. Failures are translated as Kafka Connect's wrapper translates them, so that a caller can
     * tell a missing API (fall back to the consumer) from a retriable one.
     */
    Map<TopicPartition, Long> endOffsets(Set<TopicPartition> partitions) {
        if (partitions.isEmpty()) {
            return Map.of();
        }
        Map<TopicPartition, OffsetSpec> latest = partitions.stream()
                .collect(Collectors.toMap(Function.identity(), tp -> OffsetSpec.latest()));
        ListOffsetsResult result = admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_UNCOMMITTED));
        Map<TopicPartition, Long> offsets = new HashMap<>();
        for (TopicPartition partition : partitions) {
            try {
                offsets.put(partition, result.partitionResult(partition).get().offset());
            } catch (ExecutionException e) {
                throw translate(partition.topic(), e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RetriableException("Interrupted while reading the end offsets of topic '" + partition.topic()
                        + "' from the brokers at " + bootstrapServers, e);
            }
        }
        return offsets;
    }

    private RuntimeException translate(String topic, Throwable cause) {
        String where = " of topic '" + topic + "' from the brokers at " + bootstrapServers;
        if (cause instanceof AuthorizationException) {
            return new ConnectException("Not authorized to read the end offsets" + where, cause);
        }
        if (cause instanceof UnsupportedVersionException) {
            return new UnsupportedVersionException("The brokers cannot list the end offsets" + where, cause);
        }
        if (cause instanceof TimeoutException) {
            return new TimeoutException("Timed out reading the end offsets" + where, cause);
        }
        if (cause instanceof LeaderNotAvailableException) {
            return new LeaderNotAvailableException("No leader (an election is under way) to read the end offsets"
                    + where, cause);
        }
        return new ConnectException("Could not read the end offsets" + where, cause);
    }

    /** Closes the admin client this wraps. */
    @Override
    public void close() {
        admin.close();
    }

    /** The description of a topic to create, built in steps. */
    public static class NewTopicBuilder {

        private final String name;
        private Optional<Integer> partitions = Optional.empty();
        private Optional<Short> replicationFactor = Optional.empty();
        private final Map<String, String> configs = new HashMap<>();

        NewTopicBuilder(String name) {
            this.name = name;
        }

        public NewTopicBuilder partitions(int numPartitions) {
            this.partitions = Optional.of(numPartitions);
            return this;
        }

        public NewTopicBuilder replicationFactor(short replicationFactor) {
            this.replicationFactor = Optional.of(replicationFactor);
            return this;
        }

        /** Only the latest record of each key is kept. */
        public NewTopicBuilder compacted() {
            configs.put(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
            return this;
        }

        public NewTopic build() {
            return new NewTopic(name, partitions, replicationFactor).configs(new HashMap<>(configs));
        }
    }
}
