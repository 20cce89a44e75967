package io.tributary.connect.transforms;

import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.header.Header;

/**
 * New records that differ from their original only in the key or only in the value (and possibly
 * the headers): what the $Key and $Value variants of the transformations produce.
 */
public final class RecordUpdates {

    private RecordUpdates() {
    }

    public static <R extends ConnectRecord<R>> R withKey(R record, Schema keySchema, Object key) {
        return record.newRecord(record.topic(), record.kafkaPartition(), keySchema, key,
                record.valueSchema(), record.value(), record.timestamp());
    }

    public static <R extends ConnectRecord<R>> R withValue(R record, Schema valueSchema, Object value) {
        return record.newRecord(record.topic(), record.kafkaPartition(), record.keySchema(), record.key(),
                valueSchema, value, record.timestamp());
    }

    public static <R extends ConnectRecord<R>> R withKey(R record, Schema keySchema, Object key,
            Iterable<Header> headers) {
        return record.newRecord(record.topic(), record.kafkaPartition(), keySchema, key,
                record.valueSchema(), record.value(), record.timestamp(), headers);
    }

    public static <R extends ConnectRecord<R>> R withValue(R record, Schema valueSchema, Object value,
            Iterable<Header> headers) {
        return record.newRecord(record.topic(), record.kafkaPartition(), record.keySchema(), record.key(),
                valueSchema, value, record.timestamp(), headers);
    }
}
