package org.apache.kafka.connect.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.junit.jupiter.api.Test;

class SimpleHeaderConverterTest {

    private final SimpleHeaderConverter converter = new SimpleHeaderConverter();

    private SchemaAndValue read(String text) {
        return converter.toConnectHeader("t", "h", text.getBytes(StandardCharsets.UTF_8));
    }

    private SchemaAndValue roundTrip(Schema schema, Object value) {
        return converter.toConnectHeader("t", "h", converter.fromConnectHeader("t", "h", schema, value));
    }

    @Test
    void nullBytesReadAsNullSchemaAndValue() {
        assertThat(converter.toConnectHeader("t", "h", null)).isEqualTo(SchemaAndValue.NULL);
    }

    @Test
    void nullValueWritesNullBytes() {
        assertThat(converter.fromConnectHeader("t", "h", Schema.OPTIONAL_STRING_SCHEMA, null)).isNull();
    }

    @Test
    void plainTextReadsAsAString() {
        assertThat(read("hello")).isEqualTo(new SchemaAndValue(Schema.STRING_SCHEMA, "hello"));
    }

    @Test
    void emptyTextReadsAsAnEmptyString() {
        assertThat(read("")).isEqualTo(new SchemaAndValue(Schema.STRING_SCHEMA, ""));
    }

    @Test
    void numbersReadAsTheNarrowestType() {
        assertThat(read("42")).isEqualTo(new SchemaAndValue(Schema.INT8_SCHEMA, (byte) 42));
        assertThat(read("3000000000")).isEqualTo(new SchemaAndValue(Schema.INT64_SCHEMA, 3_000_000_000L));
    }

    @Test
    void booleansRoundTrip() {
        assertThat(roundTrip(Schema.BOOLEAN_SCHEMA, true)).isEqualTo(new SchemaAndValue(Schema.BOOLEAN_SCHEMA, true));
    }

    @Test
    void stringsRoundTrip() {
        assertThat(roundTrip(Schema.STRING_SCHEMA, "some text")).isEqualTo(new SchemaAndValue(Schema.STRING_SCHEMA, "some text"));
    }

    @Test
    void listsRoundTrip() {
        Schema schema = SchemaBuilder.array(Schema.INT8_SCHEMA).build();
        SchemaAndValue result = roundTrip(schema, List.of((byte) 1, (byte) 2));
        assertThat(result.schema().type()).isEqualTo(Schema.Type.ARRAY);
        assertThat(result.value()).isEqualTo(List.of((byte) 1, (byte) 2));
    }

    @Test
    void mapsRoundTrip() {
        Schema schema = SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.STRING_SCHEMA).build();
        SchemaAndValue result = roundTrip(schema, Map.of("a", "b"));
        assertThat(result.schema().type()).isEqualTo(Schema.Type.MAP);
        assertThat(result.value()).isEqualTo(Map.of("a", "b"));
    }

    @Test
    void valuesAreWrittenAsUtf8Text() {
        assertThat(converter.fromConnectHeader("t", "h", Schema.INT32_SCHEMA, 5)).isEqualTo(new byte[] {'5'});
    }

    @Test
    void configDefIsEmpty() {
        assertThat(converter.config().names()).isEmpty();
    }
}
