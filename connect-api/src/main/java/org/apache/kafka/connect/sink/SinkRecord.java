package org.apache.kafka.connect.sink;

import java.util.Objects;

import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.header.Header;

/**
 * A record consumed from Kafka and handed to a sink task. Besides its Kafka offset and timestamp type it
 * remembers the topic, partition and offset it was consumed from, which survive transformations that
 * rewrite topic or partition, so tasks can report progress against the original position.
 */
public class SinkRecord extends ConnectRecord<SinkRecord> {

    private final long kafkaOffset;
    private final TimestampType timestampType;
    private final String originalTopic;
    private final Integer originalKafkaPartition;
    private final long originalKafkaOffset;

    public SinkRecord(String topic, int partition, Schema keySchema, Object key,
                      Schema valueSchema, Object value, long kafkaOffset) {
        this(topic, partition, keySchema, key, valueSchema, value, kafkaOffset, null, TimestampType.NO_TIMESTAMP_TYPE);
    }

    public SinkRecord(String topic, int partition, Schema keySchema, Object key,
                      Schema valueSchema, Object value, long kafkaOffset,
                      Long timestamp, TimestampType timestampType) {
        this(topic, partition, keySchema, key, valueSchema, value, kafkaOffset, timestamp, timestampType, null);
    }

    public SinkRecord(String topic, int partition, Schema keySchema, Object key,
                      Schema valueSchema, Object value, long kafkaOffset,
                      Long timestamp, TimestampType timestampType, Iterable<Header> headers) {
        this(topic, partition, keySchema, key, valueSchema, value, kafkaOffset, timestamp, timestampType, headers,
                topic, partition, kafkaOffset);
    }

    /** For the runtime and transformations: states the original position explicitly. */
    public SinkRecord(String topic, int partition, Schema keySchema, Object key,
                      Schema valueSchema, Object value, long kafkaOffset,
                      Long timestamp, TimestampType timestampType, Iterable<Header> headers,
                      String originalTopic, Integer originalKafkaPartition, long originalKafkaOffset) {
        super(topic, partition, keySchema, key, valueSchema, value, timestamp, headers);
        this.kafkaOffset = kafkaOffset;
        this.timestampType = timestampType;
        this.originalTopic = originalTopic;
        this.originalKafkaPartition = originalKafkaPartition;
        this.originalKafkaOffset = originalKafkaOffset;
    }

    public long kafkaOffset() {
        return kafkaOffset;
    }

    public TimestampType timestampType() {
        return timestampType;
    }

    /** The topic the record was consumed from, before any transformation renamed it. */
    public String originalTopic() {
        return originalTopic;
    }

    /** The partition the record was consumed from, before any transformation changed it. */
    public Integer originalKafkaPartition() {
        return originalKafkaPartition;
    }

    /** The offset the record was consumed at. */
    public long originalKafkaOffset() {
        return originalKafkaOffset;
    }

    @Override
    public SinkRecord newRecord(String topic, Integer kafkaPartition, Schema keySchema, Object key,
                                Schema valueSchema, Object value, Long timestamp) {
        return newRecord(topic, kafkaPartition, keySchema, key, valueSchema, value, timestamp, headers().duplicate());
    }

    @Override
    public SinkRecord newRecord(String topic, Integer kafkaPartition, Schema keySchema, Object key,
                                Schema valueSchema, Object value, Long timestamp, Iterable<Header> headers) {
        return new SinkRecord(topic, kafkaPartition, keySchema, key, valueSchema, value, kafkaOffset(), timestamp,
                timestampType, headers, originalTopic, originalKafkaPartition, originalKafkaOffset);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!super.equals(o)) {
            return false;
        }
        SinkRecord that = (SinkRecord) o;
        return kafkaOffset == that.kafkaOffset
                && timestampType == that.timestampType
                && Objects.equals(originalTopic, that.originalTopic)
                && Objects.equals(originalKafkaPartition, that.originalKafkaPartition)
                && originalKafkaOffset == that.originalKafkaOffset;
    }

    @Override
    public int hashCode() {
        int result = super.hashCode();
        result = 31 * result + Long.hashCode(kafkaOffset);
        result = 31 * result + Objects.hashCode(timestampType);
        result = 31 * result + Objects.hashCode(originalTopic);
        result = 31 * result + Objects.hashCode(originalKafkaPartition);
        result = 31 * result + Long.hashCode(originalKafkaOffset);
        return result;
    }

    @Override
    public String toString() {
        return "SinkRecord{"
                + "kafkaOffset=" + kafkaOffset
                + ", timestampType=" + timestampType
                + ", originalTopic=" + originalTopic
                + ", originalKafkaPartition=" + originalKafkaPartition
                + ", originalKafkaOffset=" + originalKafkaOffset
                + "} " + super.toString();
    }
}
