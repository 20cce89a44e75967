package io.tributary.connect.e2e;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What a read_committed consumer sees in a single-partition topic of input lines line-1..line-N: how many records,
 * how many distinct lines, how many of them more than once, and records that are not input lines. Exactly-once
 * delivery means {@code distinct == N}, no duplicates and nothing foreign.
 */
record CommittedLines(int total, int distinct, int duplicates, int foreign, List<Integer> firstDuplicates) {

    static CommittedLines read(String bootstrapServers, String topic) {
        Map<String, Object> props = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        TopicPartition partition = new TopicPartition(topic, 0);
        Map<Integer, Integer> seen = new LinkedHashMap<>();
        int total = 0;
        int foreign = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            // For a read_committed consumer this is the last stable offset: open transactions are not waited for.
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            while (consumer.position(partition) < end) {
                for (var record : consumer.poll(Duration.ofMillis(500))) {
                    total++;
                    String line = new String(record.value(), StandardCharsets.UTF_8);
                    if (line.matches("line-[1-9][0-9]*")) {
                        seen.merge(Integer.parseInt(line.substring(5)), 1, Integer::sum);
                    } else {
                        foreign++;
                    }
                }
            }
        }
        List<Integer> duplicated = seen.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey)
                .limit(5).toList();
        int duplicates = seen.values().stream().mapToInt(count -> count - 1).sum();
        return new CommittedLines(total, seen.size(), duplicates, foreign, duplicated);
    }

    /** The topic's last stable offset (committed records plus a marker per transaction); -1 if not known. */
    static long committedEnd(Admin admin, String topic) {
        try {
            TopicPartition partition = new TopicPartition(topic, 0);
            return admin.listOffsets(Map.of(partition, OffsetSpec.latest()),
                            new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
                    .partitionResult(partition).get(10, TimeUnit.SECONDS).offset();
        } catch (Exception e) {
            return -1;
        }
    }

    static Admin admin(String bootstrapServers) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }
}
