package io.tributary.connect.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The records Apache Kafka Connect 4.1.1 wrote to its internal topics, as dumped into
 * test resources reference/internal-topics/*.jsonl (see reference/connect-internal-topics.md).
 */
public final class ApacheTopicDump {

    public static final String CONFIGS = "/reference/internal-topics/apache-configs.jsonl";
    public static final String CONFIGS_EXACTLY_ONCE = "/reference/internal-topics/apache-configs-eos.jsonl";
    public static final String OFFSETS = "/reference/internal-topics/apache-offsets.jsonl";
    public static final String STATUS = "/reference/internal-topics/apache-status.jsonl";

    /** One dumped record; value null for a tombstone. */
    public record Record(int partition, long offset, String key, String value) {

        public byte[] keyBytes() {
            return key.getBytes(StandardCharsets.UTF_8);
        }

        public byte[] valueBytes() {
            return value == null ? null : value.getBytes(StandardCharsets.UTF_8);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private ApacheTopicDump() {
    }

    public static List<Record> read(String resource) {
        try (InputStream in = ApacheTopicDump.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("No test resource " + resource);
            }
            List<Record> records = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node = JSON.readTree(line);
                records.add(new Record(node.get("partition").asInt(), node.get("offset").asLong(),
                        node.get("key").asText(), node.get("value").isNull() ? null : node.get("value").asText()));
            }
            return records;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The dumped records of one partition in offset order, up to and including an offset. */
    public static List<Record> upTo(List<Record> records, long lastOffset) {
        return records.stream().filter(r -> r.offset() <= lastOffset).toList();
    }

    /** Writes the records into a topic, each to the partition Apache had written it to, in order. */
    public static void produce(Map<String, Object> producerProperties, String topic, List<Record> records,
                               Predicate<Record> include) {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerProperties)) {
            for (Record record : records) {
                if (include.test(record)) {
                    producer.send(new ProducerRecord<>(topic, record.partition(), record.keyBytes(), record.valueBytes()));
                }
            }
            producer.flush();
        }
    }

    public static JsonNode json(String value) {
        try {
            return value == null ? null : JSON.readTree(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode json(byte[] value) {
        return value == null ? null : json(new String(value, StandardCharsets.UTF_8));
    }
}
