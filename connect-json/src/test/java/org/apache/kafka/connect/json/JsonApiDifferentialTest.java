package org.apache.kafka.connect.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.apache.kafka.common.config.ConfigDef;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Compares the rest of the public API (schema translation, serde classes, configuration) with the reference. */
class JsonApiDifferentialTest {

    private static ReferenceConnect reference;
    private static JsonConverter ours;
    private static Object theirs;

    @BeforeAll
    static void setUp() throws Exception {
        reference = new ReferenceConnect();
        ours = new JsonConverter();
        ours.configure(Map.of(), false);
        theirs = reference.newConverter(Map.of(), false);
    }

    static Stream<Arguments> schemas() {
        return ConnectDataCases.all().stream()
                .map(c -> Arguments.of(Named.of(c.name(), c)));
    }

    static Stream<Arguments> jsonDocuments() {
        return JsonInputCases.all().stream()
                .map(c -> Arguments.of(Named.of(c.name(), c)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schemas")
    void asJsonSchemaMatchesReference(ConnectDataCases.ConnectCase input) {
        Outcome mine = Outcome.of(() -> String.valueOf(ours.asJsonSchema(input.schema())));
        Outcome reference = Outcome.of(() -> String.valueOf(
                NeutralForm.call(theirs, "asJsonSchema", JsonApiDifferentialTest.reference.schema(input.schema()))));
        assertThat(mine.result()).as("%nours:   %s%ntheirs: %s", mine, reference).isEqualTo(reference.result());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jsonDocuments")
    void asConnectSchemaMatchesReferenceOnEnvelopeSchemas(JsonInputCases.JsonCase input) {
        JsonNode schemaNode = schemaNodeOf(input.json());
        Outcome mine = Outcome.of(() -> NeutralForm.schema(ours.asConnectSchema(schemaNode)));
        Outcome reference = Outcome.of(() -> NeutralForm.schema(NeutralForm.call(theirs, "asConnectSchema", schemaNode)));
        assertThat(mine.result()).as("%nours:   %s%ntheirs: %s", mine, reference).isEqualTo(reference.result());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jsonDocuments")
    void deserializerMatchesReference(JsonInputCases.JsonCase input) throws Exception {
        byte[] bytes = input.json().getBytes(StandardCharsets.UTF_8);
        Object referenceDeserializer = reference.loader()
                .loadClass("org.apache.kafka.connect.json.JsonDeserializer").getConstructor().newInstance();
        Outcome mine = Outcome.of(() -> describe(new JsonDeserializer().deserialize("t", bytes)));
        Outcome theirsRead = Outcome.of(() -> describe(NeutralForm.call(referenceDeserializer, "deserialize", "t", bytes)));
        assertThat(mine.result()).as("%nours:   %s%ntheirs: %s", mine, theirsRead).isEqualTo(theirsRead.result());
    }

    @Test
    void serializerWritesSameBytesAsReference() throws Exception {
        Object referenceSerializer = reference.loader()
                .loadClass("org.apache.kafka.connect.json.JsonSerializer").getConstructor().newInstance();
        JsonNodeFactory nodes = JsonNodeFactory.withExactBigDecimals(true);
        List<JsonNode> samples = new ArrayList<>(List.of(
                nodes.numberNode(new java.math.BigDecimal("1.100")),
                nodes.numberNode(new java.math.BigDecimal("1E+5")),
                nodes.numberNode(Float.NaN),
                nodes.numberNode(1.0e-7f),
                nodes.binaryNode(new byte[] {1, 2, 3}),
                nodes.textNode("é\u0001</"),
                nodes.objectNode().put("b", 1).put("a", 2),
                nodes.arrayNode().add(nodes.nullNode()).add(true)));
        for (JsonNode sample : samples) {
            byte[] mine = new JsonSerializer().serialize("t", sample);
            byte[] reference = (byte[]) NeutralForm.call(referenceSerializer, "serialize", "t", sample);
            assertThat(new String(mine, StandardCharsets.UTF_8)).isEqualTo(new String(reference, StandardCharsets.UTF_8));
        }
        assertThat(new JsonSerializer().serialize("t", null)).isNull();
    }

    @Test
    void configDefinitionMatchesReference() throws Exception {
        ConfigDef reference = (ConfigDef) JsonApiDifferentialTest.reference.loader()
                .loadClass("org.apache.kafka.connect.json.JsonConverterConfig").getMethod("configDef").invoke(null);
        assertThat(describe(JsonConverterConfig.configDef())).isEqualTo(describe(reference));
        assertThat(describe(ours.config())).isEqualTo(describe(reference));
    }

    @ParameterizedTest
    @ValueSource(strings = {"decimal.format=numeric", "decimal.format=Base64", "decimal.format=float",
            "schemas.enable=yes", "schemas.enable=FALSE", "schemas.cache.size=-1", "schemas.cache.size=0",
            "schemas.cache.size=x", "replace.null.with.default=false", "replace.null.with.default=0",
            "converter.type=header", "converter.type=bogus"})
    void configValidationMatchesReference(String setting) {
        String[] keyAndValue = setting.split("=", 2);
        Map<String, Object> config = new HashMap<>(Map.of(keyAndValue[0], keyAndValue[1]));
        config.putIfAbsent("converter.type", "value");
        Outcome mine = Outcome.of(() -> {
            new JsonConverter().configure(config);
            return "configured";
        });
        Outcome reference = Outcome.of(() -> {
            JsonApiDifferentialTest.reference.newHeaderConverter(config);
            return "configured";
        });
        assertThat(mine.result()).as("%nours:   %s%ntheirs: %s", mine, reference).isEqualTo(reference.result());
    }

    @Test
    void configureWithoutConverterTypeFailsLikeReference() {
        Outcome mine = Outcome.of(() -> {
            new JsonConverter().configure(Map.of());
            return "configured";
        });
        Outcome reference = Outcome.of(() -> {
            JsonApiDifferentialTest.reference.newHeaderConverter(Map.of());
            return "configured";
        });
        assertThat(mine.result()).isEqualTo(reference.result()).startsWith("throws");
    }

    @Test
    void nullSchemasTranslateLikeReference() {
        assertThat(ours.asJsonSchema(null)).isNull();
        assertThat(NeutralForm.call(theirs, "asJsonSchema", (Object) null)).isNull();
        assertThat(ours.asConnectSchema(JsonNodeFactory.instance.nullNode())).isNull();
        assertThat(NeutralForm.call(theirs, "asConnectSchema", JsonNodeFactory.instance.nullNode())).isNull();
        Outcome mine = Outcome.of(() -> String.valueOf(ours.asConnectSchema(null)));
        Outcome reference = Outcome.of(() -> String.valueOf(NeutralForm.call(theirs, "asConnectSchema", (Object) null)));
        assertThat(mine.result()).isEqualTo(reference.result()).isEqualTo("throws java.lang.NullPointerException");
    }

    @Test
    void versionMatchesReference() {
        assertThat(ours.version()).isEqualTo(NeutralForm.call(theirs, "version"));
    }

    private static JsonNode schemaNodeOf(String json) {
        try {
            JsonNode document = new JsonDeserializer().deserialize("t", json.getBytes(StandardCharsets.UTF_8));
            return document != null && document.has("schema") ? document.get("schema") : document;
        } catch (RuntimeException e) {
            return JsonNodeFactory.instance.textNode(json);
        }
    }

    private static String describe(Object node) {
        return node == null ? "null" : node.getClass().getSimpleName() + " " + node;
    }

    private static String describe(ConfigDef def) {
        StringBuilder out = new StringBuilder();
        for (ConfigDef.ConfigKey key : def.configKeys().values()) {
            out.append(key.name).append(' ').append(key.type).append(' ')
                    .append(key.hasDefault() ? String.valueOf(key.defaultValue) : "<required>").append(' ')
                    .append(key.importance).append(' ').append(key.group).append(' ')
                    .append(key.orderInGroup).append(' ').append(key.width).append(' ')
                    // Display names are labels UIs show from /config/validate answers, so they must match too.
                    .append(key.displayName).append('\n');
        }
        return out.toString();
    }
}
