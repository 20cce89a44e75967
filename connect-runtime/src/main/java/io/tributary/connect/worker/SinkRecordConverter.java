package io.tributary.connect.worker;

import io.tributary.connect.errors.ErrorHandler;
import io.tributary.connect.errors.ProcessingContext;
import io.tributary.connect.errors.Stage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.record.RecordBatch;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.header.ConnectHeaders;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * Turns a consumed record into the sink record a task receives, keeping topic, partition and offset.
 * Key, value and headers are converted as separate stages so that a failure names the one that failed.
 */
final class SinkRecordConverter {

    private final Converters converters;
    private final Class<?> keyClass;
    private final Class<?> valueClass;
    private final Class<?> headerClass;

    SinkRecordConverter(Converters converters) {
        this.converters = converters;
        this.keyClass = converters.key().getClass();
        this.valueClass = converters.value().getClass();
        this.headerClass = converters.header().getClass();
    }

    SinkRecord convert(ConsumerRecord<byte[], byte[]> record, ErrorHandler errors, ProcessingContext context) {
        String topic = record.topic();
        SchemaAndValue key = errors.execute(context, Stage.KEY_CONVERTER, keyClass,
                () -> converters.key().toConnectData(topic, record.headers(), record.key()));
        SchemaAndValue value = errors.execute(context, Stage.VALUE_CONVERTER, valueClass,
                () -> converters.value().toConnectData(topic, record.headers(), record.value()));
        ConnectHeaders headers = errors.execute(context, Stage.HEADER_CONVERTER, headerClass,
                () -> headers(record));
        Long timestamp = record.timestamp() == RecordBatch.NO_TIMESTAMP ? null : record.timestamp();
        return new ConsumedSinkRecord(record, topic, record.partition(), key.schema(), key.value(), value.schema(),
                value.value(), record.offset(), timestamp, record.timestampType(), headers);
    }

    private ConnectHeaders headers(ConsumerRecord<byte[], byte[]> record) {
        ConnectHeaders headers = new ConnectHeaders();
        Header[] consumed = record.headers().toArray();
        for (Header header : consumed) {
            headers.add(header.key(), converters.header().toConnectHeader(record.topic(), header.key(), header.value()));
        }
        return headers;
    }
}
