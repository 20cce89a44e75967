package io.tributary.connect.worker;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.tributary.connect.config.TopicCreationGroup;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates a source task's topics before it first sends to them, with the settings of the first
 * {@code topic.creation} group that matches. Each topic is looked at once per task; topics that exist
 * are left as they are.
 */
class TopicCreator implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TopicCreator.class);
    private static final long TIMEOUT_MS = 60_000;

    /** For tasks without topic creation: every topic is assumed to exist or be auto-created by the broker. */
    static final TopicCreator NONE = new TopicCreator(null, List.of()) {
        @Override
        void ensure(String topic) {
        }
    };

    private final Admin admin;
    private final List<TopicCreationGroup> groups;
    private final Set<String> known = new HashSet<>();

    TopicCreator(Admin admin, List<TopicCreationGroup> groups) {
        this.admin = admin;
        this.groups = List.copyOf(groups);
    }

    /** Makes sure the topic exists; called on the task thread before the first send to it. */
    void ensure(String topic) {
        if (known.contains(topic)) {
            return;
        }
        try {
            if (!exists(topic)) {
                create(topic);
            }
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new ConnectException("Could not create topic '" + topic + "' for the source task", e.getCause());
            }
        } catch (TimeoutException e) {
            throw new RetriableException("Timed out creating topic '" + topic + "'", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectException("Interrupted while creating topic '" + topic + "'", e);
        }
        known.add(topic);
    }

    TopicCreationGroup groupFor(String topic) {
        for (TopicCreationGroup group : groups) {
            if (group.matches(topic)) {
                return group;
            }
        }
        throw new IllegalStateException("the default topic creation group matches every topic");
    }

    private boolean exists(String topic) throws ExecutionException, InterruptedException, TimeoutException {
        try {
            admin.describeTopics(List.of(topic)).allTopicNames().get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
            return true;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return false;
            }
            throw e;
        }
    }

    private void create(String topic) throws ExecutionException, InterruptedException, TimeoutException {
        TopicCreationGroup group = groupFor(topic);
        Optional<Integer> partitions = group.partitions() == -1 ? Optional.empty() : Optional.of(group.partitions());
        Optional<Short> replication = group.replicationFactor() == -1 ? Optional.empty()
                : Optional.of(group.replicationFactor());
        NewTopic newTopic = new NewTopic(topic, partitions, replication).configs(group.topicConfigs());
        admin.createTopics(List.of(newTopic)).all().get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
        log.info("Created topic '{}' with the settings of topic creation group '{}': partitions {}, replication "
                + "factor {}, configs {}", topic, group.name(), group.partitions(), group.replicationFactor(),
                group.topicConfigs());
    }

    @Override
    public void close() {
        if (admin != null) {
            Utils.closeQuietly(admin, "topic creation admin");
        }
    }
}
