package org.apache.kafka.connect.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.DeserializationFeature;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The envelope reader is a shortcut: for every input, toConnectData must give what the tree path gives
 * (the same data, or the same exception), whether the shortcut took the message or left it.
 */
class EnvelopeReaderTest {

    private static final String PERSON = "{\"type\":\"struct\",\"name\":\"com.example.Person\",\"fields\":["
            + "{\"type\":\"string\",\"field\":\"name\"},{\"type\":\"int32\",\"optional\":true,\"field\":\"age\"},"
            + "{\"type\":\"int64\",\"optional\":true,\"default\":9,\"field\":\"id\"}]}";

    static Stream<Arguments> inputs() {
        List<Arguments> all = new ArrayList<>();
        List<String> jsons = new ArrayList<>();
        JsonInputCases.all().forEach(c -> jsons.add(c.json()));
        jsons.addAll(shortcutEdgeCases());
        for (String json : jsons) {
            for (ConverterSettings settings : ConverterSettings.forReading()) {
                all.add(Arguments.of(json, settings));
            }
        }
        return all.stream();
    }

    private static List<String> shortcutEdgeCases() {
        return List.of(
                envelope(PERSON, "{\"age\":3,\"name\":\"ann\",\"id\":4}"),
                envelope(PERSON, "{\"name\":\"ann\"}"),
                envelope(PERSON, "{\"name\":\"ann\",\"age\":null,\"id\":null}"),
                envelope(PERSON, "{\"name\":\"ann\",\"x\":{\"deep\":[1,{\"y\":null}]},\"z\":null}"),
                envelope(PERSON, "{\"name\":\"a\",\"age\":\"old\",\"name\":\"b\"}"),
                envelope(PERSON, "{\"name\":\"a\",\"age\":2147483648}"),
                envelope(PERSON, "{\"age\":1}"),
                envelope("{\"type\":\"struct\",\"fields\":[{\"type\":\"struct\",\"optional\":true,\"field\":\"p\","
                        + "\"fields\":[{\"type\":\"boolean\",\"field\":\"b\"}]},{\"type\":\"int8\",\"field\":\"i\"}]}",
                        "{\"i\":300,\"p\":{\"b\":true}}"),
                envelope("{\"type\":\"int16\"}", "40000"),
                envelope("{\"type\":\"int64\"}", "-5"),
                envelope("{\"type\":\"boolean\"}", "\"true\""),
                envelope("{\"type\":\"string\"}", "12"),
                envelope("{\"type\":\"string\"}", "{\"a\":1}"),
                envelope(" { \"optional\" : false , \"type\" : \"string\" } ", " \"spaced\" "),
                "{\"schema\":{\"type\":\"string\"},\"payload\":\"a\",\"payload\":\"b\"}",
                "{\"schema\":{\"type\":\"string\"},\"payload\":\"a\",\"extra\":1}",
                "{\"payload\":\"a\",\"schema\":{\"type\":\"string\"}}",
                "{\"schema\":{\"type\":\"string\"},\"payload\":\"a\"} trailing",
                "{\"schema\":{\"type\":\"string\"},\"payload\":\"a\"} {}",
                "{\"schema\":{\"type\":\"string\"},\"payload\":\"a\"",
                "{\"schema\":{\"type\":\"string\",\"schema\":1},\"payload\":\"a\"}",
                "\uFEFF{\"schema\":{\"type\":\"string\"},\"payload\":\"bom\"}",
                envelope("{\"type\":\"string\"}", "\"\""),
                envelope("{\"type\":\"string\"}", "\"tab\there\""),
                envelope("{\"type\":\"string\"}", "\"quote \\\" inside\""),
                envelope("{\"type\":\"string\"}", "\"caf\u00e9 \u20ac\""),
                envelope("{\"type\":\"string\"}", "\"del \u007f\""),
                envelope("{\"type\":\"string\",\"name\":\"com.example.Line\"}", "\"named\""),
                envelope("{\"type\":\"string\",\"optional\":true}", "\"a\",\"x\":\"b\""),
                "{\"schema\":{\"type\":\"string\"},\"payload\":\"a\" }",
                "{\"schema\":{\"type\":\"string\"},\"payload\":\"a\"}}",
                "{\"schema\":{\"type\":\"string\"},\"payload\":\"\"}",
                "",
                "   ");
    }

    private static String envelope(String schema, String payload) {
        return "{\"schema\":" + schema + ",\"payload\":" + payload + "}";
    }

    @ParameterizedTest
    @MethodSource("inputs")
    void givesWhatTheTreePathGives(String json, ConverterSettings settings) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        JsonConverter converter = new JsonConverter();
        converter.configure(settings.asMap(), settings.isKey());

        // Twice: the second read finds the schema in the cache.
        for (int i = 0; i < 2; i++) {
            Outcome shortcut = Outcome.of(() -> NeutralForm.schemaAndValue(converter.toConnectData("t", bytes)));
            Outcome tree = Outcome.of(() -> NeutralForm.schemaAndValue(converter.toConnectDataThroughTree("t", bytes)));
            assertThat(shortcut.result()).as("%s%nshortcut: %s%ntree:     %s", json, shortcut, tree)
                    .isEqualTo(tree.result());
        }
    }

    @Test
    void messagesOfDifferentSchemasInTurnReadLikeTheTreePath() {
        JsonConverter converter = new JsonConverter();
        converter.configure(java.util.Map.of(), false);
        List<String> messages = List.of(
                envelope("{\"type\":\"string\"}", "\"a\""),
                envelope("{\"type\":\"string\",\"optional\":true}", "\"b\""),
                envelope("{\"type\":\"string\"}", "\"c\""),
                envelope("{\"type\":\"int32\"}", "1"),
                envelope("{\"type\":\"string\"}", "\"d\""),
                envelope("{\"type\":\"string\",\"optional\":true}", "null"),
                envelope("{\"type\":\"string\"}", "\"e\""));
        for (String json : messages) {
            byte[] bytes = bytes(json);
            assertThat(converter.toConnectData("t", bytes)).as(json)
                    .isEqualTo(converter.toConnectDataThroughTree("t", bytes));
        }
    }

    @Test
    void takesAStringEnvelope() {
        assertThat(reader().read(bytes(envelope("{\"type\":\"string\",\"optional\":false}", "\"line\""))))
                .isEqualTo(new SchemaAndValue(org.apache.kafka.connect.data.Schema.STRING_SCHEMA, "line"));
    }

    @Test
    void takesAStructEnvelope() {
        SchemaAndValue read = reader().read(bytes(envelope(PERSON, "{\"age\":3,\"name\":\"ann\"}")));
        assertThat(read).isNotNull();
        assertThat(((org.apache.kafka.connect.data.Struct) read.value()).getString("name")).isEqualTo("ann");
    }

    @Test
    void leavesAnEnvelopeWithThePayloadFirst() {
        assertThat(reader().read(bytes("{\"payload\":\"a\",\"schema\":{\"type\":\"string\"}}"))).isNull();
    }

    @Test
    void leavesMalformedJson() {
        assertThat(reader().read(bytes("{\"schema\":{\"type\":\"string\"},\"payload\":\"a\""))).isNull();
    }

    @Test
    void leavesAPayloadNotMatchingItsSchema() {
        assertThat(reader().read(bytes(envelope(PERSON, "{\"age\":3}")))).isNull();
    }

    @Test
    void readsARepeatedSchemaOnce() {
        EnvelopeReader reader = reader();
        SchemaAndValue first = reader.read(bytes(envelope(PERSON, "{\"name\":\"a\"}")));
        SchemaAndValue second = reader.read(bytes(envelope(PERSON, "{\"name\":\"b\"}")));
        assertThat(second.schema()).isSameAs(first.schema());
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    private static EnvelopeReader reader() {
        JsonDeserializer deserializer = new JsonDeserializer(Set.of(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS),
                JsonMappers.EXACT_DECIMALS, true);
        JsonToConnect values = new JsonToConnect(true);
        return new EnvelopeReader(deserializer.mapper(), new JsonToSchema(values, 10), values, 10);
    }
}
