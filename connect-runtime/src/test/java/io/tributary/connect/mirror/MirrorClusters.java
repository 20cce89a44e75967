package io.tributary.connect.mirror;

import io.tributary.connect.testkit.KafkaBroker;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.connect.mirror.Heartbeat;
import org.awaitility.Awaitility;

/**
 * Two Kafka clusters for MirrorMaker 2: {@code A}, the source, and {@code B}, the target the Connect workers run
 * against. Records are compared as {@link Copy} values, so that a replicated record equals its original exactly
 * when key, value, headers and timestamp are the same bytes and numbers.
 */
final class MirrorClusters {

    static final String SOURCE_ALIAS = "A";
    static final String TARGET_ALIAS = "B";
    static final String BYTE_ARRAY_CONVERTER = "org.apache.kafka.connect.converters.ByteArrayConverter";
    static final Duration TIMEOUT = Duration.ofSeconds(60);

    final KafkaBroker source;
    final KafkaBroker target;

    MirrorClusters(KafkaBroker source, KafkaBroker target) {
        this.source = source;
        this.target = target;
    }

    /** One record as a test compares it: byte arrays as strings (null stays null), headers in order. */
    record Copy(int partition, String key, String value, List<String> headers, long timestamp) {
    }

    /**
     * Settings every MirrorMaker 2 connector of these tests shares: the two clusters and their aliases, bytes
     * passed through unchanged, replication factor 1 for what it creates, short intervals.
     */
    Map<String, String> connectorConfig(String connectorClass) {
        Map<String, String> config = new HashMap<>();
        config.put("connector.class", connectorClass);
        config.put("source.cluster.alias", SOURCE_ALIAS);
        config.put("target.cluster.alias", TARGET_ALIAS);
        config.put("source.cluster.bootstrap.servers", source.bootstrapServers());
        config.put("target.cluster.bootstrap.servers", target.bootstrapServers());
        config.put("key.converter", BYTE_ARRAY_CONVERTER);
        config.put("value.converter", BYTE_ARRAY_CONVERTER);
        config.put("header.converter", BYTE_ARRAY_CONVERTER);
        config.put("replication.factor", "1");
        config.put("offset-syncs.topic.replication.factor", "1");
        config.put("checkpoints.topic.replication.factor", "1");
        config.put("heartbeats.topic.replication.factor", "1");
        config.put("refresh.topics.interval.seconds", "1");
        config.put("refresh.groups.interval.seconds", "1");
        config.put("sync.topic.configs.interval.seconds", "1");
        config.put("emit.checkpoints.interval.seconds", "1");
        config.put("sync.group.offsets.interval.seconds", "1");
        config.put("emit.heartbeats.interval.seconds", "1");
        return config;
    }

    /**
     * Writes {@code perPartition} records to each partition of {@code topic} on the source: distinct keys and
     * values, two headers (one with a null value), every fifth key null, explicit recent timestamps. Returns them.
     */
    List<Copy> produceOrders(String topic, int partitions, int perPartition) {
        List<Copy> written = new ArrayList<>();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(source.producerProperties())) {
            // Recent, so that retention (seven days by default, copied to the remote topic) never deletes them
            // while a test still reads them.
            long timestamp = System.currentTimeMillis() - 60_000;
            for (int i = 0; i < perPartition; i++) {
                for (int p = 0; p < partitions; p++) {
                    String key = i % 5 == 4 ? null : "customer-" + p + "-" + i;
                    String value = "{\"order\":" + i + ",\"partition\":" + p + "}";
                    List<Header> headers = List.of(new RecordHeader("trace", bytes("t-" + p + "-" + i)),
                            new RecordHeader("empty", null));
                    producer.send(new ProducerRecord<>(topic, p, ++timestamp, bytes(key), bytes(value), headers)).get();
                    written.add(new Copy(p, key, value, List.of("trace=t-" + p + "-" + i, "empty=null"), timestamp));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } catch (ExecutionException e) {
            throw new AssertionError("could not write to " + topic, e);
        }
        return written;
    }

    /**
     * Writes {@code perPartition} records to each partition of {@code topic} on the source in one transaction,
     * committed or aborted. Returns them.
     */
    List<Copy> produceTransactionally(String topic, int partitions, int perPartition, boolean commit) {
        Map<String, Object> props = source.producerProperties();
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "writer-" + topic + "-" + System.nanoTime());
        List<Copy> written = new ArrayList<>();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props)) {
            producer.initTransactions();
            producer.beginTransaction();
            long timestamp = System.currentTimeMillis();
            for (int i = 0; i < perPartition; i++) {
                for (int p = 0; p < partitions; p++) {
                    String key = "account-" + p + "-" + i;
                    String value = (commit ? "committed " : "aborted ") + timestamp;
                    producer.send(new ProducerRecord<>(topic, p, timestamp, bytes(key), bytes(value)));
                    written.add(new Copy(p, key, value, List.of(), timestamp));
                }
            }
            if (commit) {
                producer.commitTransaction();
            } else {
                producer.flush();
                producer.abortTransaction();
            }
        }
        return written;
    }

    /** The end offset of each partition of the topic, read uncommitted (past any transaction markers). */
    static Map<TopicPartition, Long> endOffsets(KafkaBroker cluster, String topic) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(cluster.consumerProperties("ends-" + topic))) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            return consumer.endOffsets(partitions);
        }
    }

    /** Every record of the topic up to its current end, partition by partition in offset order. */
    static List<Copy> readAll(KafkaBroker cluster, String topic) {
        Map<String, Object> props = cluster.consumerProperties("read-" + topic + "-" + System.nanoTime());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<Copy> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .sorted((a, b) -> Integer.compare(a.partition(), b.partition()))
                    .toList();
            for (TopicPartition partition : partitions) {
                consumer.assign(List.of(partition));
                consumer.seekToBeginning(List.of(partition));
                long end = consumer.endOffsets(List.of(partition)).get(partition);
                while (consumer.position(partition) < end) {
                    for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                        records.add(copyOf(record));
                    }
                }
            }
        }
        return records;
    }

    /** The topic's records of one partition, in offset order. */
    static List<Copy> partition(List<Copy> records, int partition) {
        return records.stream().filter(r -> r.partition() == partition).collect(Collectors.toList());
    }

    static Copy copyOf(ConsumerRecord<byte[], byte[]> record) {
        List<String> headers = new ArrayList<>();
        for (Header header : record.headers()) {
            headers.add(header.key() + "=" + text(header.value()));
        }
        return new Copy(record.partition(), text(record.key()), text(record.value()), headers, record.timestamp());
    }

    static boolean topicExists(KafkaBroker cluster, String topic) {
        try (Admin admin = cluster.admin()) {
            return admin.listTopics().names().get(10, TimeUnit.SECONDS).contains(topic);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } catch (ExecutionException | TimeoutException e) {
            return false;
        }
    }

    /** The offsets the group has committed on the cluster; empty while it has none or the cluster does not answer. */
    static Map<TopicPartition, OffsetAndMetadata> committedOffsets(KafkaBroker cluster, String group) {
        try (Admin admin = cluster.admin()) {
            return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } catch (ExecutionException | TimeoutException e) {
            return Map.of();
        }
    }

    /** The heartbeats on the cluster's {@code heartbeats} topic that came from {@code sourceAlias}, oldest first. */
    static List<Heartbeat> heartbeatsFrom(KafkaBroker cluster, String sourceAlias) {
        List<Heartbeat> heartbeats = new ArrayList<>();
        Map<String, Object> props = cluster.consumerProperties("hb-reader-" + System.nanoTime());
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
            TopicPartition partition = new TopicPartition("heartbeats", 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            while (consumer.position(partition) < end) {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    Heartbeat heartbeat = Heartbeat.deserializeRecord(record);
                    if (heartbeat.sourceClusterAlias().equals(sourceAlias)) {
                        heartbeats.add(heartbeat);
                    }
                });
            }
        }
        return heartbeats;
    }

    static void await(String what, BooleanSupplier condition) {
        Awaitility.await(what).atMost(TIMEOUT).pollInterval(Duration.ofMillis(200)).until(condition::getAsBoolean);
    }

    private static byte[] bytes(String text) {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }
}
