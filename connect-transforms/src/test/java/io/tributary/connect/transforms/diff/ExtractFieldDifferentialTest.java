package io.tributary.connect.transforms.diff;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** ExtractField$Key and $Value against Apache's, for V1 and V2 paths, structs and maps, nulls and defaults. */
class ExtractFieldDifferentialTest {

    private static final String KEY = "org.apache.kafka.connect.transforms.ExtractField$Key";
    private static final String VALUE = "org.apache.kafka.connect.transforms.ExtractField$Value";

    private static final Schema INNER = SchemaBuilder.struct()
            .field("x", Schema.OPTIONAL_INT32_SCHEMA)
            .field("y", SchemaBuilder.int32().optional().defaultValue(7).build())
            .optional().build();
    private static final Schema ROOT = SchemaBuilder.struct()
            .field("a", Schema.STRING_SCHEMA)
            .field("in", INNER)
            .field("m", SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.INT32_SCHEMA).optional().build())
            .field("a.b", Schema.STRING_SCHEMA)
            .field("d", SchemaBuilder.int32().optional().defaultValue(5).build())
            .build();

    static Stream<Arguments> paths() {
        List<String> paths = List.of("a", "in", "in.x", "in.y", "m", "m.k", "a.b", "`a.b`", "d", "nope", "in.nope",
                "a.x", "", "in.", "`in`.`x`", "`a");
        List<Arguments> cases = new ArrayList<>();
        for (String path : paths) {
            for (String version : List.of("V1", "V2", "v2")) {
                cases.add(Arguments.of(path, version, true));
                cases.add(Arguments.of(path, version, false));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "path [{0}] syntax {1} replace.null.with.default={2}")
    @MethodSource("paths")
    void extractionMatchesApache(String path, String version, boolean replaceNullWithDefault) {
        Map<String, Object> config = Map.of("field", path, "field.syntax.version", version,
                "replace.null.with.default", replaceNullWithDefault);
        Struct withNested = new Struct(ROOT).put("a", "A").put("a.b", "AB").put("in", new Struct(INNER).put("x", 3));
        Struct withMap = new Struct(ROOT).put("a", "A").put("a.b", "AB").put("m", Map.of("k", 1));
        Map<String, Object> map = new HashMap<>();
        map.put("a", "A");
        map.put("a.b", "AB");
        map.put("in", Map.of("x", 3));
        map.put("n", null);
        map.put("s", "str");
        List<ConnectRecord<?>> records = new ArrayList<>();
        records.add(TestRecords.source(ROOT, withNested));
        records.add(TestRecords.source(ROOT, withMap));
        records.add(TestRecords.source(ROOT, null));
        records.add(TestRecords.source(null, map));
        records.add(TestRecords.source(null, null));
        records.add(TestRecords.source(null, "not a map"));
        records.add(TestRecords.source(Schema.STRING_SCHEMA, "not a struct"));
        for (ConnectRecord<?> record : records) {
            Differential.assertSameOutcome(VALUE, config, record);
            Differential.assertSameOutcome(KEY, config, record);
        }
    }

    @ParameterizedTest(name = "config {0}")
    @MethodSource("badConfigs")
    void invalidConfigurationsFailLikeApache(Map<String, Object> config) {
        Differential.assertSameOutcome(VALUE, config, TestRecords.source(null, Map.of("a", 1)));
    }

    static Stream<Arguments> badConfigs() {
        return Stream.of(Arguments.of(Map.of()), Arguments.of(Map.of("field", "a", "field.syntax.version", "V3")),
                Arguments.of(Map.of("field", "`a", "field.syntax.version", "V2")));
    }
}
