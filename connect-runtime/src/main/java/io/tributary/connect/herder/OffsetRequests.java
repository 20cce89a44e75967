package io.tributary.connect.herder;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.tributary.connect.model.ConnectorOffset;
import org.apache.kafka.common.TopicPartition;

/**
 * Checks and converts the offsets of a PATCH /connectors/{name}/offsets request into what a source or
 * sink connector's {@code alterOffsets} receives. Problems are the caller's to fix, hence 400s, worded as
 * Kafka Connect words them where it has a check of its own.
 */
public final class OffsetRequests {

    public static final String KAFKA_TOPIC_KEY = "kafka_topic";
    public static final String KAFKA_PARTITION_KEY = "kafka_partition";
    public static final String KAFKA_OFFSET_KEY = "kafka_offset";

    private OffsetRequests() {
    }

    /**
     * Source partitions and offsets with JSON numbers made Long or Double, as tasks read them back from
     * storage. A later entry for the same partition wins; a null offset stays null (it removes the stored one).
     */
    public static Map<Map<String, ?>, Map<String, ?>> sourceOffsets(List<ConnectorOffset> offsets) {
        Map<Map<String, ?>, Map<String, ?>> result = new LinkedHashMap<>();
        for (ConnectorOffset entry : offsets) {
            result.put(primitives(entry.partition()), primitives(entry.offset()));
        }
        return result;
    }

    /** Sink offsets by topic partition; a null value asks for the committed offset to be removed. */
    public static Map<TopicPartition, Long> sinkOffsets(List<ConnectorOffset> offsets) {
        Map<TopicPartition, Long> result = new LinkedHashMap<>();
        for (ConnectorOffset entry : offsets) {
            result.put(topicPartition(entry.partition()), kafkaOffset(entry.offset()));
        }
        return result;
    }

    private static TopicPartition topicPartition(Map<String, Object> partition) {
        if (partition == null) {
            throw new BadRequestException("The partition for a sink connector offset cannot be null or missing");
        }
        if (!partition.containsKey(KAFKA_TOPIC_KEY) || !partition.containsKey(KAFKA_PARTITION_KEY)) {
            throw new BadRequestException("The partition for a sink connector offset must contain the keys '"
                    + KAFKA_TOPIC_KEY + "' and '" + KAFKA_PARTITION_KEY + "'");
        }
        Object value = partition.get(KAFKA_PARTITION_KEY);
        int number;
        try {
            number = Integer.parseInt(String.valueOf(value));
        } catch (NumberFormatException e) {
            throw new BadRequestException("Failed to parse the following Kafka partition value in the provided "
                    + "offsets: '" + value + "'. Partition values for sink connectors need to be integers.");
        }
        // Kafka Connect leaves this to the broker and answers 500; it is the request that is wrong.
        if (number < 0) {
            throw new BadRequestException("Kafka partition values for sink connectors must not be negative, "
                    + "but found " + number);
        }
        return new TopicPartition(String.valueOf(partition.get(KAFKA_TOPIC_KEY)), number);
    }

    private static Long kafkaOffset(Map<String, Object> offset) {
        if (offset == null) {
            return null;
        }
        if (!offset.containsKey(KAFKA_OFFSET_KEY)) {
            throw new BadRequestException("The offset for a sink connector should either be null or contain the "
                    + "key '" + KAFKA_OFFSET_KEY + "'");
        }
        Object value = offset.get(KAFKA_OFFSET_KEY);
        long number;
        try {
            number = Long.parseLong(String.valueOf(value));
        } catch (NumberFormatException e) {
            throw new BadRequestException("Failed to parse the following Kafka offset value in the provided "
                    + "offsets: '" + value + "'. Offset values for sink connectors need to be integers.");
        }
        if (number < 0) {
            throw new BadRequestException("Kafka offset values for sink connectors must not be negative, but found "
                    + number);
        }
        return number;
    }

    /** Only strings, numbers, booleans and nulls survive a round trip through the offset store. */
    private static Map<String, ?> primitives(Map<String, Object> map) {
        if (map == null) {
            return null;
        }
        Map<String, Object> result = new HashMap<>();
        map.forEach((field, value) -> {
            if (value instanceof Map) {
                throw notPrimitive(field, "MAP");
            }
            if (value instanceof List) {
                throw notPrimitive(field, "ARRAY");
            }
            result.put(field, value instanceof Number number ? normalized(number) : value);
        });
        return result;
    }

    private static BadRequestException notPrimitive(String field, String type) {
        return new BadRequestException("Offsets may only contain primitive types as values, but field " + field
                + " contains " + type);
    }

    private static Number normalized(Number number) {
        if (number instanceof Double || number instanceof Float || number instanceof BigDecimal) {
            return number.doubleValue();
        }
        if (number instanceof BigInteger big && big.bitLength() > 63) {
            return big.doubleValue();
        }
        return number.longValue();
    }
}
