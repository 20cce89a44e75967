package io.tributary.connect.storage;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.ClusterAuthorizationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.errors.UnsupportedVersionException;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.connect.errors.ConnectException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure an internal topic exists and is compacted. Compaction is what keeps the latest config,
 * offset or status of every key forever; a deleting policy would silently lose them after retention.
 */
final class CompactedTopic {

    private static final Logger log = LoggerFactory.getLogger(CompactedTopic.class);
    private static final long ADMIN_TIMEOUT_MS = 60_000;

    private CompactedTopic() {
    }

    static void ensure(Admin admin, KafkaLogSettings settings, Time time) {
        create(admin, settings);
        verifyCompacted(admin, settings, time);
    }

    private static void create(Admin admin, KafkaLogSettings settings) {
        Optional<Integer> partitions = settings.partitions() < 0 ? Optional.empty() : Optional.of(settings.partitions());
        Optional<Short> replication = settings.replicationFactor() < 0
                ? Optional.empty() : Optional.of(settings.replicationFactor());
        NewTopic topic = new NewTopic(settings.topic(), partitions, replication)
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
        try {
            admin.createTopics(List.of(topic)).all().get(ADMIN_TIMEOUT_MS, TimeUnit.MILLISECONDS);
            log.info("Created topic {} with {} partitions, replication factor {}, cleanup.policy=compact",
                    settings.topic(), describe(partitions), describe(replication));
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new ConnectException("Could not create the topic " + settings.topic() + " named by '"
                        + settings.topicConfigKey() + "': " + e.getCause().getMessage(), e.getCause());
            }
        } catch (TimeoutException e) {
            throw new ConnectException("Timed out creating the topic " + settings.topic(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectException("Interrupted while creating the topic " + settings.topic(), e);
        }
    }

    private static void verifyCompacted(Admin admin, KafkaLogSettings settings, Time time) {
        Set<String> policy = cleanupPolicy(admin, settings.topic(), time);
        if (policy == null || policy.equals(Set.of(TopicConfig.CLEANUP_POLICY_COMPACT))) {
            return;
        }
        throw new ConfigException("The topic '" + settings.topic() + "' named by '" + settings.topicConfigKey()
                + "' has cleanup.policy=" + String.join(",", policy) + ", but this worker keeps state there that"
                + " must never expire: it needs cleanup.policy=compact (and nothing else). Either change the"
                + " topic's cleanup.policy to compact or set '" + settings.topicConfigKey()
                + "' to a compacted topic.");
    }

    /** The topic's cleanup policies, or null when the broker will not tell us (then we cannot check). */
    private static Set<String> cleanupPolicy(Admin admin, String topic, Time time) {
        long deadline = time.milliseconds() + ADMIN_TIMEOUT_MS;
        while (true) {
            try {
                return cleanupPolicy(admin, topic);
            } catch (UnknownTopicOrPartitionException e) {
                // A topic created a moment ago may not be known yet to the broker answering.
                if (time.milliseconds() >= deadline) {
                    throw new ConnectException("Topic " + topic + " does not exist", e);
                }
                time.sleep(100);
            }
        }
    }

    private static Set<String> cleanupPolicy(Admin admin, String topic) {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        try {
            Config config = admin.describeConfigs(List.of(resource)).all()
                    .get(ADMIN_TIMEOUT_MS, TimeUnit.MILLISECONDS).get(resource);
            ConfigEntry entry = config == null ? null : config.get(TopicConfig.CLEANUP_POLICY_CONFIG);
            if (entry == null || entry.value() == null) {
                return null;
            }
            return Arrays.stream(entry.value().split(","))
                    .map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof UnknownTopicOrPartitionException unknown) {
                throw unknown;
            }
            if (cause instanceof TopicAuthorizationException || cause instanceof ClusterAuthorizationException
                    || cause instanceof UnsupportedVersionException) {
                log.warn("Cannot check that topic {} is compacted: {}", topic, cause.getMessage());
                return null;
            }
            throw new ConnectException("Could not read the configuration of topic " + topic, cause);
        } catch (TimeoutException e) {
            throw new ConnectException("Timed out reading the configuration of topic " + topic, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectException("Interrupted while reading the configuration of topic " + topic, e);
        }
    }

    private static String describe(Optional<?> value) {
        return value.map(String::valueOf).orElse("(broker default)");
    }
}
