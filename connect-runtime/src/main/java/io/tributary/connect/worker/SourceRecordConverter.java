package io.tributary.connect.worker;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.RecordBatch;
import org.apache.kafka.connect.header.Header;
import org.apache.kafka.connect.source.SourceRecord;

/** Turns a (transformed) source record into the bytes the producer sends: headers, key, value. */
final class SourceRecordConverter {

    private final Converters converters;

    SourceRecordConverter(Converters converters) {
        this.converters = converters;
    }

    ProducerRecord<byte[], byte[]> convert(SourceRecord record) {
        String topic = record.topic();
        RecordHeaders headers = new RecordHeaders();
        for (Header header : record.headers()) {
            headers.add(header.key(),
                    converters.header().fromConnectHeader(topic, header.key(), header.schema(), header.value()));
        }
        byte[] key = converters.key().fromConnectData(topic, headers, record.keySchema(), record.key());
        byte[] value = converters.value().fromConnectData(topic, headers, record.valueSchema(), record.value());
        return new ProducerRecord<>(topic, record.kafkaPartition(), timestamp(record.timestamp()), key, value, headers);
    }

    /** No timestamp (null or Kafka's "none") lets the producer stamp the record; other negatives are errors. */
    static Long timestamp(Long timestamp) {
        if (timestamp == null || timestamp == RecordBatch.NO_TIMESTAMP) {
            return null;
        }
        if (timestamp < 0) {
            throw new InvalidRecordException("Invalid record timestamp " + timestamp);
        }
        return timestamp;
    }
}
