package org.apache.kafka.connect.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.errors.DataException;
import org.junit.jupiter.api.Test;

/** fromConnectData keeps its generator and envelope prefixes between calls; each result must stand alone. */
class JsonWriterReuseTest {

    private static final Schema INTS = SchemaBuilder.array(Schema.INT32_SCHEMA).build();

    @Test
    void consecutiveValuesAreWrittenWithoutSeparator() {
        JsonConverter converter = converter(false);

        assertThat(write(converter, Schema.INT32_SCHEMA, 1)).isEqualTo("1");
        assertThat(write(converter, Schema.INT32_SCHEMA, 2)).isEqualTo("2");
    }

    @Test
    void valueWrittenAfterAFailedOneIsCompleteAndAlone() {
        JsonConverter converter = converter(false);

        assertThatThrownBy(() -> converter.fromConnectData("t", INTS, Arrays.asList(1, "two")))
                .isInstanceOf(DataException.class);

        assertThat(write(converter, INTS, List.of(1, 2))).isEqualTo("[1,2]");
    }

    @Test
    void envelopeOfARepeatedSchemaIsWholeEachTime() {
        JsonConverter converter = converter(true);
        String expected = "{\"schema\":{\"type\":\"int32\",\"optional\":false},\"payload\":7}";

        assertThat(write(converter, Schema.INT32_SCHEMA, 7)).isEqualTo(expected);
        assertThat(write(converter, Schema.INT32_SCHEMA, 7)).isEqualTo(expected);
    }

    @Test
    void alternatingSchemasEachGetTheirOwnEnvelope() {
        JsonConverter converter = converter(true);

        write(converter, Schema.INT32_SCHEMA, 7);
        write(converter, Schema.STRING_SCHEMA, "x");

        assertThat(write(converter, Schema.INT32_SCHEMA, 7))
                .isEqualTo("{\"schema\":{\"type\":\"int32\",\"optional\":false},\"payload\":7}");
    }

    private static String write(JsonConverter converter, Schema schema, Object value) {
        return new String(converter.fromConnectData("t", schema, value), StandardCharsets.UTF_8);
    }

    private static JsonConverter converter(boolean schemas) {
        JsonConverter converter = new JsonConverter();
        converter.configure(Map.of("schemas.enable", schemas), false);
        return converter;
    }
}
