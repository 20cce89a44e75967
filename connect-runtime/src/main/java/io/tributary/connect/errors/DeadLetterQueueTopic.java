package io.tributary.connect.errors;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.connect.errors.ConnectException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Makes sure a dead letter queue topic exists before its task starts: one partition, the configured replication. */
public final class DeadLetterQueueTopic {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterQueueTopic.class);
    private static final long TIMEOUT_MS = 60_000;

    private DeadLetterQueueTopic() {
    }

    public static void ensureExists(Admin admin, String topic, short replicationFactor) {
        try {
            if (exists(admin, topic)) {
                return;
            }
            log.info("Dead letter queue topic '{}' does not exist; creating it with 1 partition and replication "
                    + "factor {}", topic, replicationFactor);
            NewTopic newTopic = new NewTopic(topic, Optional.of(1), Optional.of(replicationFactor));
            admin.createTopics(List.of(newTopic)).all().get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new ConnectException("Could not create the dead letter queue topic '" + topic
                        + "' (errors.deadletterqueue.topic.replication.factor=" + replicationFactor + ")", e.getCause());
            }
        } catch (TimeoutException e) {
            throw new ConnectException("Timed out creating the dead letter queue topic '" + topic + "'", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectException("Interrupted while creating the dead letter queue topic '" + topic + "'", e);
        }
    }

    private static boolean exists(Admin admin, String topic) throws ExecutionException, InterruptedException,
            TimeoutException {
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
}
