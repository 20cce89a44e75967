package io.tributary.connect.worker;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.record.RecordBatch;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.header.ConnectHeaders;
import org.apache.kafka.connect.sink.SinkRecord;

/** Turns a consumed record into the sink record a task receives, keeping topic, partition and offset. */
final class SinkRecordConverter {

    private final Converters converters;

    SinkRecordConverter(Converters converters) {
        this.converters = converters;
    }

    SinkRecord convert(ConsumerRecord<byte[], byte[]> record) {
        String topic = record.topic();
        SchemaAndValue key = converters.key().toConnectData(topic, record.headers(), record.key());
        SchemaAndValue value = converters.value().toConnectData(topic, record.headers(), record.value());
        ConnectHeaders headers = new ConnectHeaders();
        for (Header header : record.headers()) {
            SchemaAndValue converted = converters.header().toConnectHeader(topic, header.key(), header.value());
            headers.add(header.key(), converted);
        }
        Long timestamp = record.timestamp() == RecordBatch.NO_TIMESTAMP ? null : record.timestamp();
        return new SinkRecord(topic, record.partition(), key.schema(), key.value(), value.schema(), value.value(),
                record.offset(), timestamp, record.timestampType(), headers);
    }
}
