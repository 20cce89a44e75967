package org.apache.kafka.connect.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The plain-string path must write exactly what Jackson writes, and leave every other string to Jackson. */
class PlainJsonStringTest {

    private static final ObjectMapper JACKSON = new ObjectMapper();
    private static final byte[] PREFIX = "{\"schema\":null,\"payload\":".getBytes(StandardCharsets.UTF_8);

    @Test
    void everyCharacterIsEitherWrittenAsJacksonWritesItOrLeftToJackson() throws Exception {
        int written = 0;
        for (char c = 0; c < 0x180; c++) {
            String text = "a" + c + "z";
            byte[] plain = PlainJsonString.encode(null, text);
            byte[] jackson = JACKSON.writeValueAsBytes(text);
            boolean jacksonKeepsItAsIs = new String(jackson, StandardCharsets.UTF_8).equals("\"" + text + "\"")
                    && c < 0x80;
            if (jacksonKeepsItAsIs) {
                assertThat(plain).as("char %d", (int) c).isEqualTo(jackson);
                written++;
            } else {
                assertThat(plain).as("char %d", (int) c).isNull();
            }
        }
        // Space to DEL, less the quote and the backslash.
        assertThat(written).isEqualTo(0x80 - 0x20 - 2);
    }

    @Test
    void envelopeGetsThePrefixAndTheClosingBrace() {
        byte[] bytes = PlainJsonString.encode(PREFIX, "0000000001 abc");

        assertThat(new String(bytes, StandardCharsets.UTF_8))
                .isEqualTo("{\"schema\":null,\"payload\":\"0000000001 abc\"}");
    }

    @Test
    void emptyStringIsTwoQuotes() {
        assertThat(new String(PlainJsonString.encode(null, ""), StandardCharsets.UTF_8)).isEqualTo("\"\"");
    }

    @Test
    void converterWritesTheSameEnvelopeThroughEitherPath() {
        JsonConverter converter = new JsonConverter();
        converter.configure(java.util.Map.of("schemas.enable", "true"), false);

        byte[] plain = converter.fromConnectData("t", org.apache.kafka.connect.data.Schema.STRING_SCHEMA, "plain text");
        byte[] escaped = converter.fromConnectData("t", org.apache.kafka.connect.data.Schema.STRING_SCHEMA, "tab\there");

        assertThat(new String(plain, StandardCharsets.UTF_8))
                .isEqualTo("{\"schema\":{\"type\":\"string\",\"optional\":false},\"payload\":\"plain text\"}");
        assertThat(new String(escaped, StandardCharsets.UTF_8))
                .isEqualTo("{\"schema\":{\"type\":\"string\",\"optional\":false},\"payload\":\"tab\\there\"}");
    }
}
