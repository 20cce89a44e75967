package org.apache.kafka.connect.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.header.ConnectHeaders;
import org.junit.jupiter.api.Test;

class SourceRecordTest {

    private static final Map<String, ?> PARTITION = Map.of("file", "a.txt");
    private static final Map<String, ?> OFFSET = Map.of("line", 4);

    private static SourceRecord full(ConnectHeaders headers) {
        return new SourceRecord(PARTITION, OFFSET, "t", 2, Schema.STRING_SCHEMA, "k", Schema.INT32_SCHEMA, 5,
                100L, headers);
    }

    private static ConnectHeaders oneHeader() {
        ConnectHeaders headers = new ConnectHeaders();
        headers.addString("h", "v");
        return headers;
    }

    @Test
    void valueOnlyConstructorLeavesKeyPartitionAndTimestampNull() {
        SourceRecord record = new SourceRecord(PARTITION, OFFSET, "t", Schema.STRING_SCHEMA, "v");
        assertThat(record.kafkaPartition()).isNull();
        assertThat(record.key()).isNull();
        assertThat(record.keySchema()).isNull();
        assertThat(record.timestamp()).isNull();
        assertThat(record.value()).isEqualTo("v");
        assertThat(record.headers().isEmpty()).isTrue();
    }

    @Test
    void partitionAndValueConstructorKeepsThePartition() {
        assertThat(new SourceRecord(PARTITION, OFFSET, "t", 3, null, "v").kafkaPartition()).isEqualTo(3);
    }

    @Test
    void keyedConstructorWithoutPartitionKeepsTheKey() {
        SourceRecord record = new SourceRecord(PARTITION, OFFSET, "t", Schema.STRING_SCHEMA, "k", null, "v");
        assertThat(record.key()).isEqualTo("k");
        assertThat(record.kafkaPartition()).isNull();
    }

    @Test
    void exposesSourcePartitionAndOffset() {
        SourceRecord record = full(null);
        assertThat(record.sourcePartition()).isSameAs(PARTITION);
        assertThat(record.sourceOffset()).isSameAs(OFFSET);
    }

    @Test
    void newRecordKeepsSourcePositionAndCopiesHeaders() {
        SourceRecord original = full(oneHeader());
        SourceRecord copy = original.newRecord("nt", 4, null, "k2", null, 6, 200L);
        assertThat(copy.sourcePartition()).isSameAs(PARTITION);
        assertThat(copy.sourceOffset()).isSameAs(OFFSET);
        assertThat(copy.topic()).isEqualTo("nt");
        assertThat(copy.timestamp()).isEqualTo(200L);
        assertThat(copy.headers()).isEqualTo(original.headers()).isNotSameAs(original.headers());
    }

    @Test
    void newRecordWithHeadersUsesThem() {
        ConnectHeaders replacement = new ConnectHeaders();
        assertThat(full(oneHeader()).newRecord("nt", 4, null, "k2", null, 6, 200L, replacement).headers())
                .isSameAs(replacement);
    }

    @Test
    void equalRecordsHaveEqualHashCodes() {
        assertThat(full(oneHeader())).isEqualTo(full(oneHeader())).hasSameHashCodeAs(full(oneHeader()));
    }

    @Test
    void sourcePartitionTakesPartInEquality() {
        assertThat(new SourceRecord(PARTITION, OFFSET, "t", null, "v"))
                .isNotEqualTo(new SourceRecord(Map.of(), OFFSET, "t", null, "v"));
    }

    @Test
    void sourceOffsetTakesPartInEquality() {
        assertThat(new SourceRecord(PARTITION, OFFSET, "t", null, "v"))
                .isNotEqualTo(new SourceRecord(PARTITION, Map.of(), "t", null, "v"));
    }

    @Test
    void nullSourceMapsAreAllowed() {
        assertThat(new SourceRecord(null, null, "t", null, "v")).isEqualTo(new SourceRecord(null, null, "t", null, "v"));
    }

    @Test
    void hashCodeExtendsTheRecordHashWithSourcePartitionThenOffset() {
        // Same fold as Apache: topic hash seeds it, each further field is folded in with 31 *.
        int expected = "t".hashCode();
        for (int field : new int[] {0, 0, 0, 0, "v".hashCode(), 0, new ConnectHeaders().hashCode(), 0, 0}) {
            expected = 31 * expected + field;
        }
        assertThat(new SourceRecord(null, null, "t", null, "v").hashCode()).isEqualTo(expected);
    }

    @Test
    void toStringPrefixesSourceFieldsToTheRecord() {
        SourceRecord record = new SourceRecord(Map.of("p", 1), Map.of("o", 2), "t", null, "v");
        assertThat(record).hasToString("SourceRecord{sourcePartition={p=1}, sourceOffset={o=2}} ConnectRecord{"
                + "topic='t', kafkaPartition=null, key=null, keySchema=null, value=v, valueSchema=null, "
                + "timestamp=null, headers=ConnectHeaders(headers=)}");
    }
}
