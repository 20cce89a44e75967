package org.apache.kafka.connect.util;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnsupportedVersionException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.connect.errors.ConnectException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The part of Kafka Connect's topic-backed log that plugins use: a reader of one topic over clients the caller
 * created. {@link #start(boolean)} reads the chosen partitions from the beginning up to their current end, handing
 * every record to the callback on the caller's thread, then keeps following the topic on a thread of its own until
 * {@link #stop()}, which also closes the clients. MirrorMaker 2 reads its offset syncs and its earlier checkpoints
 * this way.
 *
 * @param <K> record key type
 * @param <V> record value type
 */
public class KafkaBasedLog<K, V> {

    private static final Logger log = LoggerFactory.getLogger(KafkaBasedLog.class);
    /** How long a newly created topic may take to show up in metadata. */
    private static final long TOPIC_METADATA_TIMEOUT_MS = TimeUnit.SECONDS.toMillis(30);
    private static final long TOPIC_METADATA_MAX_BACKOFF_MS = TimeUnit.SECONDS.toMillis(1);
    /** How long the first read keeps retrying to learn the end offsets while the brokers are unavailable. */
    private static final long END_OFFSETS_RETRY_MS = TimeUnit.MINUTES.toMillis(15);
    private static final long END_OFFSETS_BACKOFF_MS = TimeUnit.SECONDS.toMillis(10);

    private final String topic;
    private final Consumer<K, V> consumer;
    private final Producer<K, V> producer;
    private final Callback<ConsumerRecord<K, V>> consumedCallback;
    private final Time time;
    private final java.util.function.Consumer<TopicAdmin> initializer;
    private final Predicate<TopicPartition> readPartition;
    private volatile TopicAdmin admin;
    private volatile boolean reportErrorsToCallback;
    private volatile boolean stopRequested;
    private volatile Thread follower;

    private KafkaBasedLog(String topic, Consumer<K, V> consumer, Producer<K, V> producer, TopicAdmin admin,
                          Callback<ConsumerRecord<K, V>> consumedCallback, Time time,
                          java.util.function.Consumer<TopicAdmin> initializer, Predicate<TopicPartition> readPartition) {
        this.topic = topic;
        this.consumer = consumer;
        this.producer = producer;
        this.admin = admin;
        this.consumedCallback = consumedCallback;
        this.time = time;
        this.initializer = initializer != null ? initializer : ignored -> { };
        this.readPartition = readPartition;
    }

    /**
     * A log over clients the caller created; {@link #stop()} closes them.
     *
     * @param producer           may be null: this class only reads
     * @param topicAdmin         used to learn the end offsets (the consumer is used where it is null or the brokers
     *                           lack the API) and passed to the initializer
     * @param consumedCallback   receives each record read, and read errors when started with
     *                           {@code reportErrorsToCallback}
     * @param initializer        run with the admin at start, e.g. to create the topic
     * @param readTopicPartition which of the topic's partitions to read
     */
    public static <K, V> KafkaBasedLog<K, V> withExistingClients(String topic, Consumer<K, V> consumer,
                                                                 Producer<K, V> producer, TopicAdmin topicAdmin,
                                                                 Callback<ConsumerRecord<K, V>> consumedCallback,
                                                                 Time time,
                                                                 java.util.function.Consumer<TopicAdmin> initializer,
                                                                 Predicate<TopicPartition> readTopicPartition) {
        return new KafkaBasedLog<>(topic, consumer, producer, topicAdmin, consumedCallback, time, initializer,
                readTopicPartition);
    }

    /**
     * Reads the topic up to its current end and starts following it.
     *
     * @param reportErrorsToCallback whether errors while reading reach the callback (which may throw them out of
     *                               this call) instead of only the log
     * @throws ConnectException when the topic or any of the chosen partitions cannot be found in time
     */
    public void start(boolean reportErrorsToCallback) {
        this.reportErrorsToCallback = reportErrorsToCallback;
        log.info("Starting to read topic {} (errors reported to the reader: {})", topic, reportErrorsToCallback);
        initializer.accept(admin);
        List<TopicPartition> partitions = partitionsToRead();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        readToEnd(true);
        follower = new Thread(this::follow, "KafkaBasedLog-" + topic);
        follower.setDaemon(true);
        follower.start();
        log.info("Read topic {} to its end; following it", topic);
    }

    /** Stops following the topic and closes the consumer and producer. */
    public void stop() {
        log.info("Stopping the reader of topic {}", topic);
        stopRequested = true;
        consumer.wakeup();
        if (follower != null) {
            try {
                follower.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ConnectException("Interrupted while stopping the reader of topic " + topic
                        + "; its clients were not closed", e);
            }
        }
        if (producer != null) {
            Utils.closeQuietly(producer, "producer of topic " + topic);
        }
        Utils.closeQuietly(consumer, "consumer of topic " + topic);
        admin = null;
        log.info("Stopped the reader of topic {}", topic);
    }

    private List<TopicPartition> partitionsToRead() {
        long deadline = time.milliseconds() + TOPIC_METADATA_TIMEOUT_MS;
        long backoff = 100;
        List<PartitionInfo> infos = consumer.partitionsFor(topic);
        while ((infos == null || infos.isEmpty()) && time.milliseconds() < deadline) {
            time.sleep(backoff);
            backoff = Math.min(2 * backoff, TOPIC_METADATA_MAX_BACKOFF_MS);
            infos = consumer.partitionsFor(topic);
        }
        if (infos == null || infos.isEmpty()) {
            throw new ConnectException("Topic '" + topic + "' was not found in the cluster's metadata within "
                    + TOPIC_METADATA_TIMEOUT_MS + " ms: check that it exists, that its partitions have leaders and "
                    + "that the brokers are reachable (a topic created just now may also take longer to appear)");
        }
        List<TopicPartition> chosen = new ArrayList<>();
        for (PartitionInfo info : infos) {
            TopicPartition partition = new TopicPartition(info.topic(), info.partition());
            if (readPartition.test(partition)) {
                chosen.add(partition);
            }
        }
        if (chosen.isEmpty()) {
            throw new ConnectException("Topic '" + topic + "' has " + infos.size()
                    + " partition(s), but none of them is one this reader was asked to read");
        }
        return chosen;
    }

    /** Polls until the consumer's position reached the end offset, as of now, of every assigned partition. */
    private void readToEnd(boolean firstRead) {
        Set<TopicPartition> assigned = consumer.assignment();
        Map<TopicPartition, Long> ends = new java.util.HashMap<>(endOffsets(assigned, firstRead));
        while (!ends.isEmpty()) {
            ends.entrySet().removeIf(end -> consumer.position(end.getKey()) >= end.getValue());
            if (!ends.isEmpty()) {
                pollOnce();
            }
        }
    }

    private Map<TopicPartition, Long> endOffsets(Set<TopicPartition> partitions, boolean retry) {
        TopicAdmin current = admin;
        if (current != null) {
            try {
                return retry ? retryingEndOffsets(current, partitions) : current.endOffsets(partitions);
            } catch (UnsupportedVersionException e) {
                log.debug("The brokers cannot list offsets for the admin client; reading the end of {} with the "
                        + "consumer: {}", topic, e.getMessage());
                admin = null;
            }
        }
        return consumer.endOffsets(partitions);
    }

    private Map<TopicPartition, Long> retryingEndOffsets(TopicAdmin current, Set<TopicPartition> partitions) {
        long deadline = time.milliseconds() + END_OFFSETS_RETRY_MS;
        while (true) {
            try {
                return current.endOffsets(partitions);
            } catch (org.apache.kafka.common.errors.RetriableException
                     | org.apache.kafka.connect.errors.RetriableException e) {
                if (time.milliseconds() + END_OFFSETS_BACKOFF_MS > deadline) {
                    throw new ConnectException("Could not read the end offsets of topic " + topic + " within "
                            + END_OFFSETS_RETRY_MS + " ms", e);
                }
                log.warn("Could not read the end offsets of topic {} yet, retrying in {} ms: {}", topic,
                        END_OFFSETS_BACKOFF_MS, e.getMessage());
                time.sleep(END_OFFSETS_BACKOFF_MS);
            }
        }
    }

    /** One poll, each record to the callback; a read error is logged, and reported when the reader asked for it. */
    private void pollOnce() {
        try {
            for (ConsumerRecord<K, V> record : consumer.poll(Duration.ofMillis(Integer.MAX_VALUE))) {
                consumedCallback.onCompletion(null, record);
            }
        } catch (WakeupException e) {
            throw e;
        } catch (KafkaException e) {
            log.error("Error reading topic {}", topic, e);
            if (reportErrorsToCallback) {
                consumedCallback.onCompletion(e, null);
            }
        }
    }

    private void follow() {
        while (!stopRequested) {
            try {
                pollOnce();
            } catch (WakeupException e) {
                // stop() woke the consumer up; the loop condition decides.
            } catch (RuntimeException e) {
                log.error("Unexpected error while following topic {}; reading on", topic, e);
            }
        }
    }
}
