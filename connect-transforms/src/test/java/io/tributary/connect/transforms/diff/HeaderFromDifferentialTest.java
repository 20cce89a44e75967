package io.tributary.connect.transforms.diff;

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

/** HeaderFrom$Key and $Value against Apache's: move and copy, schemas, nulls, defaults, bad configs. */
class HeaderFromDifferentialTest {

    private static final String KEY = "org.apache.kafka.connect.transforms.HeaderFrom$Key";
    private static final String VALUE = "org.apache.kafka.connect.transforms.HeaderFrom$Value";

    private static final Schema INNER = SchemaBuilder.struct().field("x", Schema.INT32_SCHEMA).build();
    private static final Schema STRUCT = SchemaBuilder.struct().name("rec").version(1)
            .field("a", Schema.INT32_SCHEMA)
            .field("b", SchemaBuilder.string().optional().defaultValue("dflt").build())
            .field("in", INNER)
            .build();

    static Stream<Arguments> configs() {
        return Stream.of(
                config("fields", "a", "headers", "h1", "operation", "copy"),
                config("fields", "a", "headers", "h1", "operation", "move"),
                config("fields", "a,b,in", "headers", "h1,h2,h3", "operation", "move"),
                config("fields", "a,b", "headers", "trace,trace", "operation", "copy"),
                config("fields", "b", "headers", "h", "operation", "copy", "replace.null.with.default", "false"),
                config("fields", "b", "headers", "h", "operation", "move", "replace.null.with.default", "false"),
                config("fields", "zz", "headers", "h", "operation", "copy"),
                config("fields", "zz", "headers", "h", "operation", "move"),
                config("fields", "a,b", "headers", "h", "operation", "copy"),
                config("fields", "a", "headers", "h", "operation", "MOVE"),
                config("fields", "", "headers", "h", "operation", "copy"),
                config("fields", "a", "headers", "h"));
    }

    private static Arguments config(String... pairs) {
        Map<String, Object> config = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            config.put(pairs[i], pairs[i + 1]);
        }
        return Arguments.of(config);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configs")
    void headersMatchApache(Map<String, Object> config) {
        Map<String, Object> map = new HashMap<>();
        map.put("a", 1);
        map.put("b", null);
        map.put("in", Map.of("x", 2));
        List<ConnectRecord<?>> records = List.of(
                TestRecords.source(STRUCT, new Struct(STRUCT).put("a", 1).put("in", new Struct(INNER).put("x", 2))),
                TestRecords.sink(STRUCT, new Struct(STRUCT).put("a", 1).put("b", "set")
                        .put("in", new Struct(INNER).put("x", 2))),
                TestRecords.source(STRUCT, null),
                TestRecords.source(null, map),
                TestRecords.source(null, null),
                TestRecords.source(null, "text"),
                TestRecords.source(Schema.INT32_SCHEMA, 5));
        for (ConnectRecord<?> record : records) {
            Differential.assertSameOutcome(VALUE, config, record);
            Differential.assertSameOutcome(KEY, config, record);
        }
    }
}
