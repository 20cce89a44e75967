package org.apache.kafka.connect.transforms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

class CastTest {

    private static SourceRecord value(Schema schema, Object value) {
        return new SourceRecord(null, null, "t", 0, schema, value);
    }

    private static Cast<SourceRecord> castValue(String spec) {
        Cast<SourceRecord> cast = new Cast.Value<>();
        cast.configure(Map.of("spec", spec));
        return cast;
    }

    @Test
    void wholeValueCastNarrowsLikeAJavaCast() {
        SourceRecord out = castValue("int8").apply(value(Schema.INT32_SCHEMA, 300));

        assertThat(out.value()).isEqualTo((byte) 44);
        assertThat(out.valueSchema().type()).isEqualTo(Schema.Type.INT8);
    }

    @Test
    void fieldCastChangesOnlyTheNamedFieldsAndTheirDefaults() {
        Schema schema = SchemaBuilder.struct().field("a", Schema.INT32_SCHEMA)
                .field("b", SchemaBuilder.int32().optional().defaultValue(7).build()).build();

        SourceRecord out = castValue("b:string").apply(value(schema, new Struct(schema).put("a", 1)));

        assertThat(out.valueSchema().field("a").schema()).isEqualTo(Schema.INT32_SCHEMA);
        assertThat(out.valueSchema().field("b").schema().defaultValue()).isEqualTo("7");
        assertThat(((Struct) out.value()).get("b")).isEqualTo("7");
    }

    @Test
    void timestampsBecomeIsoTextOrEpochMillis() {
        java.util.Date instant = new java.util.Date(1_700_000_000_123L);

        assertThat(castValue("string").apply(value(Timestamp.SCHEMA, instant)).value())
                .isEqualTo("2023-11-14T22:13:20.123Z");
        assertThat(castValue("int64").apply(value(Timestamp.SCHEMA, instant)).value()).isEqualTo(1_700_000_000_123L);
    }

    @Test
    void bytesBecomeBase64ButNothingElse() {
        assertThat(castValue("string").apply(value(Schema.BYTES_SCHEMA, new byte[] {1, 2, 3})).value())
                .isEqualTo("AQID");
        assertThatThrownBy(() -> castValue("int32").apply(value(Schema.BYTES_SCHEMA, new byte[] {1})))
                .isInstanceOf(DataException.class);
    }

    @Test
    void unparsableTextFailsTheRecord() {
        assertThatThrownBy(() -> castValue("int32").apply(value(null, "x"))).isInstanceOf(DataException.class);
    }

    @Test
    void nullValuesPassUnchanged() {
        SourceRecord tombstone = value(Schema.OPTIONAL_INT32_SCHEMA, null);

        assertThat(castValue("int64").apply(tombstone)).isSameAs(tombstone);
    }

    @Test
    void badSpecsAreRejectedOnConfigure() {
        assertThatThrownBy(() -> castValue("bytes")).isInstanceOf(ConfigException.class);
        assertThatThrownBy(() -> castValue("int8,a:int16")).isInstanceOf(ConfigException.class);
        assertThatThrownBy(() -> castValue("a:b:c")).isInstanceOf(ConfigException.class);
    }
}
