package org.apache.kafka.connect.transforms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

class TimestampConverterTest {

    private static final long INSTANT = 1_700_000_123_456L; // 2023-11-14T22:15:23.456Z

    @Test
    void formatsAWholeTimestampValueAsAStringInUtc() {
        TimestampConverter<SourceRecord> transform = valueConverter(
                Map.of("target.type", "string", "format", "yyyy-MM-dd HH:mm:ss.SSS"));

        SourceRecord output = transform.apply(Records.withValue(Timestamp.SCHEMA, new Date(INSTANT)));

        assertThat(output.value()).isEqualTo("2023-11-14 22:15:23.456");
        assertThat(output.valueSchema()).isEqualTo(Schema.STRING_SCHEMA);
    }

    @Test
    void convertsOneStructFieldAndKeepsTheRest() {
        Schema schema = SchemaBuilder.struct().field("ts", Schema.INT64_SCHEMA).field("id", Schema.INT32_SCHEMA)
                .build();
        TimestampConverter<SourceRecord> transform = valueConverter(Map.of("field", "ts", "target.type", "Date"));

        SourceRecord output = transform.apply(Records.withValue(schema,
                new Struct(schema).put("ts", INSTANT).put("id", 1)));

        Struct value = (Struct) output.value();
        assertThat(value.get("ts")).isEqualTo(new Date(1_699_920_000_000L));
        assertThat(value.getInt32("id")).isEqualTo(1);
        assertThat(output.valueSchema().field("ts").schema().name()).isEqualTo(org.apache.kafka.connect.data.Date.LOGICAL_NAME);
    }

    @Test
    void readsAndWritesUnixTimesInTheConfiguredPrecision() {
        TimestampConverter<SourceRecord> transform = valueConverter(
                Map.of("field", "ts", "target.type", "unix", "unix.precision", "seconds"));
        Map<String, Object> value = new HashMap<>(Map.of("ts", new Date(INSTANT)));

        assertThat(transform.apply(Records.withValue(null, value)).value())
                .isEqualTo(Map.of("ts", 1_700_000_123L));
    }

    @Test
    void keepsOnlyTheTimeOfDayForTimeTargets() {
        TimestampConverter<SourceRecord> transform = valueConverter(Map.of("target.type", "Time"));

        assertThat(transform.apply(Records.withValue(null, INSTANT)).value()).isEqualTo(new Date(80_123_456L));
    }

    @Test
    void requiresAFormatForStringTargets() {
        assertThatThrownBy(() -> valueConverter(Map.of("target.type", "string")))
                .isInstanceOf(ConfigException.class);
    }

    @Test
    void rejectsStringsThatDoNotMatchTheFormat() {
        TimestampConverter<SourceRecord> transform = valueConverter(
                Map.of("target.type", "unix", "format", "yyyy-MM-dd"));

        assertThatThrownBy(() -> transform.apply(Records.withValue(null, "yesterday")))
                .isInstanceOf(DataException.class);
    }

    @Test
    void leavesNullValuesNullButAdaptsTheSchema() {
        TimestampConverter<SourceRecord> transform = valueConverter(Map.of("target.type", "unix"));

        SourceRecord output = transform.apply(Records.withValue(TimestampConverter.OPTIONAL_TIMESTAMP_SCHEMA, null));

        assertThat(output.value()).isNull();
        assertThat(output.valueSchema()).isEqualTo(Schema.OPTIONAL_INT64_SCHEMA);
    }

    private static TimestampConverter<SourceRecord> valueConverter(Map<String, String> config) {
        TimestampConverter<SourceRecord> transform = new TimestampConverter.Value<>();
        transform.configure(config);
        return transform;
    }
}
