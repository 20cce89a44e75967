package org.apache.kafka.connect.connector;

import java.util.Objects;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.header.ConnectHeaders;
import org.apache.kafka.connect.header.Header;
import org.apache.kafka.connect.header.Headers;

/**
 * A record as Connect sees it: topic, partition, schema'd key and value, timestamp and headers.
 * Records are immutable apart from their headers; transformations produce copies via newRecord.
 */
public abstract class ConnectRecord<R extends ConnectRecord<R>> {

    private final String topic;
    private final Integer kafkaPartition;
    private final Schema keySchema;
    private final Object key;
    private final Schema valueSchema;
    private final Object value;
    private final Long timestamp;
    private final Headers headers;

    public ConnectRecord(String topic, Integer kafkaPartition,
                         Schema keySchema, Object key,
                         Schema valueSchema, Object value,
                         Long timestamp) {
        this(topic, kafkaPartition, keySchema, key, valueSchema, value, timestamp, new ConnectHeaders());
    }

    public ConnectRecord(String topic, Integer kafkaPartition,
                         Schema keySchema, Object key,
                         Schema valueSchema, Object value,
                         Long timestamp, Iterable<Header> headers) {
        this.topic = topic;
        this.kafkaPartition = kafkaPartition;
        this.keySchema = keySchema;
        this.key = key;
        this.valueSchema = valueSchema;
        this.value = value;
        this.timestamp = timestamp;
        // A ConnectHeaders instance is adopted as is, so callers can keep mutating it; anything else is copied.
        this.headers = headers instanceof ConnectHeaders connectHeaders ? connectHeaders : new ConnectHeaders(headers);
    }

    public String topic() {
        return topic;
    }

    public Integer kafkaPartition() {
        return kafkaPartition;
    }

    public Object key() {
        return key;
    }

    public Schema keySchema() {
        return keySchema;
    }

    public Object value() {
        return value;
    }

    public Schema valueSchema() {
        return valueSchema;
    }

    public Long timestamp() {
        return timestamp;
    }

    /** The record's mutable headers. */
    public Headers headers() {
        return headers;
    }

    /** A copy of this record with the given fields and a copy of this record's headers. */
    public abstract R newRecord(String topic, Integer kafkaPartition, Schema keySchema, Object key,
                                Schema valueSchema, Object value, Long timestamp);

    /** A copy of this record with the given fields and headers. */
    public abstract R newRecord(String topic, Integer kafkaPartition, Schema keySchema, Object key,
                                Schema valueSchema, Object value, Long timestamp, Iterable<Header> headers);

    @Override
    public String toString() {
        return "ConnectRecord{"
                + "topic='" + topic + '\''
                + ", kafkaPartition=" + kafkaPartition
                + ", key=" + key
                + ", keySchema=" + keySchema
                + ", value=" + value
                + ", valueSchema=" + valueSchema
                + ", timestamp=" + timestamp
                + ", headers=" + headers
                + '}';
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (o == null || getClass() != o.getClass()) {
            return false;
        }
        ConnectRecord<?> that = (ConnectRecord<?>) o;
        return Objects.equals(topic, that.topic)
                && Objects.equals(kafkaPartition, that.kafkaPartition)
                && Objects.equals(keySchema, that.keySchema)
                && Objects.equals(key, that.key)
                && Objects.equals(valueSchema, that.valueSchema)
                && Objects.equals(value, that.value)
                && Objects.equals(timestamp, that.timestamp)
                && Objects.equals(headers, that.headers);
    }

    @Override
    public int hashCode() {
        // Seeded with the topic's hash (not 1 as Objects.hash would) to give the same values as Apache's records.
        int result = Objects.hashCode(topic);
        for (Object field : new Object[] {kafkaPartition, keySchema, key, valueSchema, value, timestamp, headers}) {
            result = 31 * result + Objects.hashCode(field);
        }
        return result;
    }
}
