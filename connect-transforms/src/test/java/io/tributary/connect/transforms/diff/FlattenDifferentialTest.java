package io.tributary.connect.transforms.diff;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Flatten$Key and Flatten$Value against Apache's: nested, optional and defaulted structs, maps, arrays. */
class FlattenDifferentialTest {

    private static final String KEY = "org.apache.kafka.connect.transforms.Flatten$Key";
    private static final String VALUE = "org.apache.kafka.connect.transforms.Flatten$Value";

    private static final Schema LEAF = SchemaBuilder.struct().name("leaf")
            .field("n", Schema.INT32_SCHEMA)
            .field("s", SchemaBuilder.string().optional().defaultValue("dflt").build())
            .build();
    private static final Schema OPTIONAL_LEAF = SchemaBuilder.struct().name("optleaf")
            .field("n", Schema.INT32_SCHEMA)
            .field("dec", Decimal.builder(2).optional().build())
            .optional().build();
    private static final Schema MIDDLE = SchemaBuilder.struct()
            .field("leaf", LEAF)
            .field("opt", OPTIONAL_LEAF)
            .field("list", SchemaBuilder.array(Schema.INT32_SCHEMA).build())
            .field("bytes", Schema.OPTIONAL_BYTES_SCHEMA)
            .build();
    private static final Schema ROOT = SchemaBuilder.struct().name("root").version(3).doc("top")
            .field("id", Schema.INT64_SCHEMA)
            .field("middle", MIDDLE)
            .field("a.b", Schema.OPTIONAL_STRING_SCHEMA)
            .build();

    private static Struct root(boolean withOptionalLeaf) {
        Struct middle = new Struct(MIDDLE)
                .put("leaf", new Struct(LEAF).put("n", 1))
                .put("list", List.of(1, 2))
                .put("bytes", new byte[] {7});
        if (withOptionalLeaf) {
            middle.put("opt", new Struct(OPTIONAL_LEAF).put("n", 2).put("dec", new BigDecimal("1.25")));
        }
        return new Struct(ROOT).put("id", 9L).put("middle", middle).put("a.b", "dotted");
    }

    @ParameterizedTest(name = "delimiter [{0}]")
    @ValueSource(strings = {".", "_", "", "::"})
    void structsFlattenLikeApache(String delimiter) {
        Map<String, Object> config = Map.of("delimiter", delimiter);
        List<org.apache.kafka.connect.connector.ConnectRecord<?>> records = List.of(
                TestRecords.source(ROOT, root(true)), TestRecords.source(ROOT, root(false)),
                TestRecords.sink(ROOT, root(true)), TestRecords.source(ROOT, null),
                TestRecords.source(null, null));
        Differential.assertSameOutcomes(VALUE, config, records);
        Differential.assertSameOutcomes(KEY, config, records);
    }

    @ParameterizedTest(name = "optional root={0}")
    @ValueSource(booleans = {true, false})
    void optionalParentsMakeLiftedFieldsOptionalLikeApache(boolean optionalRoot) {
        Schema nested = SchemaBuilder.struct().field("x", SchemaBuilder.int32().defaultValue(4).build())
                .field("y", Schema.OPTIONAL_STRING_SCHEMA).optional().build();
        SchemaBuilder rootBuilder = SchemaBuilder.struct().field("p", nested).field("q", Schema.INT32_SCHEMA);
        Schema root = optionalRoot ? rootBuilder.optional().build() : rootBuilder.build();
        Differential.assertSameOutcomes(VALUE, Map.of(), List.of(
                TestRecords.source(root, new Struct(root).put("q", 1)),
                TestRecords.source(root, new Struct(root).put("q", 1).put("p", new Struct(nested).put("x", 3)))));
    }

    @ParameterizedTest(name = "map field optional={0}")
    @ValueSource(booleans = {true, false})
    void mapFieldsWithSchemaFailLikeApache(boolean optional) {
        SchemaBuilder mapBuilder = SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.INT32_SCHEMA);
        Schema mapSchema = optional ? mapBuilder.optional().build() : mapBuilder.build();
        Schema root = SchemaBuilder.struct().field("m", mapSchema).build();
        Differential.assertSameOutcomes(VALUE, Map.of(), List.of(
                TestRecords.source(root, new Struct(root).put("m", Map.of("a", 1)))));
    }

    @ParameterizedTest(name = "schemaless, delimiter [{0}]")
    @ValueSource(strings = {".", "-"})
    void mapsFlattenLikeApache(String delimiter) {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("x", 1);
        inner.put("nothing", null);
        inner.put("deeper", Map.of("z", true));
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", 9L);
        map.put("inner", inner);
        map.put("list", List.of(Map.of("kept", 1)));
        map.put("bytes", new byte[] {1});
        map.put("empty", new HashMap<>());
        Differential.assertSameOutcomes(VALUE, Map.of("delimiter", delimiter), List.of(
                TestRecords.source(null, map), TestRecords.source(null, null)));
    }

    @ParameterizedTest(name = "schemaless unsupported value {0}")
    @ValueSource(strings = {"struct", "decimal", "date", "text", "non-string key"})
    void unsupportedSchemalessValuesFailLikeApache(String kind) {
        Object odd = switch (kind) {
            case "struct" -> new Struct(LEAF).put("n", 1);
            case "decimal" -> new BigDecimal("1.5");
            case "date" -> new java.util.Date(5);
            default -> null;
        };
        Object value;
        if (kind.equals("text")) {
            value = "just text";
        } else if (kind.equals("non-string key")) {
            value = Map.of(1, Map.of(2, 3));
        } else {
            Map<String, Object> map = new HashMap<>();
            map.put("odd", odd);
            value = map;
        }
        Differential.assertSameOutcomes(VALUE, Map.of(), List.of(TestRecords.source(null, value)));
    }

    @ParameterizedTest(name = "schema of {0} instead of a struct")
    @ValueSource(strings = {"int", "map"})
    void nonStructDataWithSchemaFailsLikeApache(String kind) {
        Schema schema = kind.equals("int") ? Schema.INT32_SCHEMA
                : SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.INT32_SCHEMA).build();
        Object value = kind.equals("int") ? 5 : Map.of("a", 1);
        Differential.assertSameOutcomes(VALUE, Map.of(), List.of(TestRecords.source(schema, value)));
    }
}
