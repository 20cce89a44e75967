package io.tributary.connect.transforms.diff;

import java.util.Map;

import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.header.ConnectHeaders;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.source.SourceRecord;

/** Records for the differential tests: the data under test sits in both the key and the value. */
final class TestRecords {

    static final long TIMESTAMP = 1_700_000_000_123L;

    private TestRecords() {
    }

    static SourceRecord source(Schema schema, Object data) {
        return new SourceRecord(Map.of("file", "a"), Map.of("line", 3L), "orders", 1, schema, data, schema, data,
                TIMESTAMP, headers());
    }

    static SourceRecord sourceWithoutTimestampOrPartition(Schema schema, Object data) {
        return new SourceRecord(Map.of(), Map.of(), "orders", null, schema, data, schema, data, null, headers());
    }

    static SinkRecord sink(Schema schema, Object data) {
        return new SinkRecord("orders", 2, schema, data, schema, data, 42L, TIMESTAMP,
                TimestampType.CREATE_TIME, headers());
    }

    static ConnectHeaders headers() {
        ConnectHeaders headers = new ConnectHeaders();
        headers.addString("trace", "abc");
        headers.addInt("attempt", 2);
        headers.addString("trace", "def");
        return headers;
    }

    /** The same data as a source and as a sink record. */
    static java.util.List<ConnectRecord<?>> both(Schema schema, Object data) {
        return java.util.List.of(source(schema, data), sink(schema, data));
    }
}
