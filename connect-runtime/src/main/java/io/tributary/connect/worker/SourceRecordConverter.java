package io.tributary.connect.worker;

import io.tributary.connect.errors.ErrorHandler;
import io.tributary.connect.errors.ProcessingContext;
import io.tributary.connect.errors.Stage;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.RecordBatch;
import org.apache.kafka.connect.header.Header;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * Turns a (transformed) source record into the bytes the producer sends: headers, key, value, each a
 * stage of its own under the task's error handling.
 */
final class SourceRecordConverter {

    private final Converters converters;
    private final Class<?> keyClass;
    private final Class<?> valueClass;
    private final Class<?> headerClass;

    SourceRecordConverter(Converters converters) {
        this.converters = converters;
        this.keyClass = converters.key().getClass();
        this.valueClass = converters.value().getClass();
        this.headerClass = converters.header().getClass();
    }

    ProducerRecord<byte[], byte[]> convert(SourceRecord record, ErrorHandler errors, ProcessingContext context) {
        String topic = record.topic();
        RecordHeaders headers = errors.execute(context, Stage.HEADER_CONVERTER, headerClass, () -> headers(record));
        byte[] key = errors.execute(context, Stage.KEY_CONVERTER, keyClass,
                () -> converters.key().fromConnectData(topic, headers, record.keySchema(), record.key()));
        byte[] value = errors.execute(context, Stage.VALUE_CONVERTER, valueClass,
                () -> converters.value().fromConnectData(topic, headers, record.valueSchema(), record.value()));
        return new ProducerRecord<>(topic, record.kafkaPartition(), timestamp(record.timestamp()), key, value, headers);
    }

    private RecordHeaders headers(SourceRecord record) {
        RecordHeaders headers = new RecordHeaders();
        for (Header header : record.headers()) {
            headers.add(header.key(),
                    converters.header().fromConnectHeader(record.topic(), header.key(), header.schema(), header.value()));
        }
        return headers;
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
