package io.tributary.connect.worker;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.header.Header;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * A sink record that remembers the consumed record it came from, through every transformation, so that
 * a record the task reports as errant reaches the dead letter queue with its original bytes.
 */
final class ConsumedSinkRecord extends SinkRecord {

    private final ConsumerRecord<byte[], byte[]> consumed;

    ConsumedSinkRecord(ConsumerRecord<byte[], byte[]> consumed, String topic, int partition, Schema keySchema,
                       Object key, Schema valueSchema, Object value, long kafkaOffset, Long timestamp,
                       TimestampType timestampType, Iterable<Header> headers) {
        super(topic, partition, keySchema, key, valueSchema, value, kafkaOffset, timestamp, timestampType, headers,
                consumed.topic(), consumed.partition(), consumed.offset());
        this.consumed = consumed;
    }

    ConsumerRecord<byte[], byte[]> consumed() {
        return consumed;
    }

    @Override
    public SinkRecord newRecord(String topic, Integer kafkaPartition, Schema keySchema, Object key,
                                Schema valueSchema, Object value, Long timestamp) {
        return newRecord(topic, kafkaPartition, keySchema, key, valueSchema, value, timestamp, headers().duplicate());
    }

    @Override
    public SinkRecord newRecord(String topic, Integer kafkaPartition, Schema keySchema, Object key,
                                Schema valueSchema, Object value, Long timestamp, Iterable<Header> headers) {
        return new ConsumedSinkRecord(consumed, topic, kafkaPartition, keySchema, key, valueSchema, value,
                kafkaOffset(), timestamp, timestampType(), headers);
    }
}
