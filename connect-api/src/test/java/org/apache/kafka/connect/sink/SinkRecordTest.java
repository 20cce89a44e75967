package org.apache.kafka.connect.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.header.ConnectHeaders;
import org.apache.kafka.connect.header.Header;
import org.junit.jupiter.api.Test;

class SinkRecordTest {

    private static SinkRecord record(ConnectHeaders headers) {
        return new SinkRecord("t", 1, Schema.STRING_SCHEMA, "k", Schema.INT32_SCHEMA, 5, 10L,
                99L, TimestampType.CREATE_TIME, headers, "orig", 7, 77L);
    }

    private static ConnectHeaders oneHeader() {
        ConnectHeaders headers = new ConnectHeaders();
        headers.addString("h", "v");
        return headers;
    }

    @Test
    void shortConstructorHasNoTimestampAndEmptyHeaders() {
        SinkRecord record = new SinkRecord("t", 1, null, "k", null, "v", 10L);
        assertThat(record.timestamp()).isNull();
        assertThat(record.timestampType()).isEqualTo(TimestampType.NO_TIMESTAMP_TYPE);
        assertThat(record.headers().isEmpty()).isTrue();
    }

    @Test
    void originalPositionDefaultsToTheCurrentOne() {
        SinkRecord record = new SinkRecord("t", 1, null, "k", null, "v", 10L);
        assertThat(record.originalTopic()).isEqualTo("t");
        assertThat(record.originalKafkaPartition()).isEqualTo(1);
        assertThat(record.originalKafkaOffset()).isEqualTo(10L);
    }

    @Test
    void originalPositionCanBeGivenExplicitly() {
        SinkRecord record = record(null);
        assertThat(record.originalTopic()).isEqualTo("orig");
        assertThat(record.originalKafkaPartition()).isEqualTo(7);
        assertThat(record.originalKafkaOffset()).isEqualTo(77L);
    }

    @Test
    void connectHeadersAreAdoptedNotCopied() {
        ConnectHeaders headers = oneHeader();
        assertThat(record(headers).headers()).isSameAs(headers);
    }

    @Test
    void otherHeaderIterablesAreCopied() {
        List<Header> list = new ArrayList<>();
        oneHeader().forEach(list::add);
        SinkRecord record = new SinkRecord("t", 1, null, null, null, null, 0L, null, TimestampType.CREATE_TIME, list);
        assertThat(record.headers()).isInstanceOf(ConnectHeaders.class).hasSize(1);
    }

    @Test
    void newRecordKeepsOffsetsTimestampTypeAndOriginalPosition() {
        SinkRecord copy = record(oneHeader()).newRecord("nt", 3, null, "k2", null, 6, 100L);
        assertThat(copy.topic()).isEqualTo("nt");
        assertThat(copy.kafkaPartition()).isEqualTo(3);
        assertThat(copy.timestamp()).isEqualTo(100L);
        assertThat(copy.kafkaOffset()).isEqualTo(10L);
        assertThat(copy.timestampType()).isEqualTo(TimestampType.CREATE_TIME);
        assertThat(copy.originalTopic()).isEqualTo("orig");
        assertThat(copy.originalKafkaPartition()).isEqualTo(7);
        assertThat(copy.originalKafkaOffset()).isEqualTo(77L);
    }

    @Test
    void newRecordWithoutHeadersCopiesTheHeaders() {
        SinkRecord original = record(oneHeader());
        SinkRecord copy = original.newRecord("nt", 3, null, "k2", null, 6, 100L);
        assertThat(copy.headers()).isEqualTo(original.headers()).isNotSameAs(original.headers());
    }

    @Test
    void newRecordWithHeadersUsesThem() {
        SinkRecord copy = record(oneHeader()).newRecord("nt", 3, null, "k2", null, 6, 100L, null);
        assertThat(copy.headers().isEmpty()).isTrue();
    }

    @Test
    void equalRecordsHaveEqualHashCodes() {
        assertThat(record(oneHeader())).isEqualTo(record(oneHeader())).hasSameHashCodeAs(record(oneHeader()));
    }

    @Test
    void originalPositionTakesPartInEquality() {
        SinkRecord a = new SinkRecord("t", 1, null, null, null, null, 1L, null, TimestampType.CREATE_TIME, null, "x", 1, 1L);
        SinkRecord b = new SinkRecord("t", 1, null, null, null, null, 1L, null, TimestampType.CREATE_TIME, null, "y", 1, 1L);
        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void offsetTakesPartInEquality() {
        assertThat(new SinkRecord("t", 1, null, null, null, null, 1L))
                .isNotEqualTo(new SinkRecord("t", 1, null, null, null, null, 2L));
    }

    @Test
    void timestampTypeTakesPartInEquality() {
        assertThat(new SinkRecord("t", 1, null, null, null, null, 1L, 5L, TimestampType.CREATE_TIME))
                .isNotEqualTo(new SinkRecord("t", 1, null, null, null, null, 1L, 5L, TimestampType.LOG_APPEND_TIME));
    }

    @Test
    void headersTakePartInEquality() {
        assertThat(record(oneHeader())).isNotEqualTo(record(null));
    }

    @Test
    void toStringPrefixesSinkFieldsToTheRecord() {
        SinkRecord record = new SinkRecord("t", 1, Schema.STRING_SCHEMA, "k", Schema.INT32_SCHEMA, 5, 10L);
        assertThat(record).hasToString("SinkRecord{kafkaOffset=10, timestampType=NoTimestampType, originalTopic=t, "
                + "originalKafkaPartition=1, originalKafkaOffset=10} ConnectRecord{topic='t', kafkaPartition=1, "
                + "key=k, keySchema=Schema{STRING}, value=5, valueSchema=Schema{INT32}, timestamp=null, "
                + "headers=ConnectHeaders(headers=)}");
    }
}
