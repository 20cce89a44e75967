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

/** InsertField$Key and $Value against Apache's, for source and sink records, with and without schemas. */
class InsertFieldDifferentialTest {

    private static final String KEY = "org.apache.kafka.connect.transforms.InsertField$Key";
    private static final String VALUE = "org.apache.kafka.connect.transforms.InsertField$Value";

    private static final Schema STRUCT = SchemaBuilder.struct().name("rec").version(2).doc("doc")
            .field("a", Schema.INT32_SCHEMA)
            .field("d", SchemaBuilder.string().optional().defaultValue("dflt").build())
            .build();

    static Stream<Arguments> configs() {
        return Stream.of(
                config("topic.field", "t"),
                config("topic.field", "t!"),
                config("topic.field", "t?"),
                config("partition.field", "p!"),
                config("partition.field", "p"),
                config("offset.field", "o"),
                config("offset.field", "o!"),
                config("timestamp.field", "ts"),
                config("timestamp.field", "ts!"),
                config("static.field", "s", "static.value", "fixed"),
                config("static.field", "s!"),
                config("static.value", "fixed"),
                config("topic.field", "t", "partition.field", "p", "timestamp.field", "ts", "static.field", "s",
                        "static.value", "v", "replace.null.with.default", "false"),
                config("topic.field", "a"),
                config("topic.field", "!"),
                config());
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
    void insertionMatchesApache(Map<String, Object> config) {
        Map<String, Object> map = new HashMap<>();
        map.put("a", 1);
        List<ConnectRecord<?>> records = List.of(
                TestRecords.source(STRUCT, new Struct(STRUCT).put("a", 1)),
                TestRecords.sink(STRUCT, new Struct(STRUCT).put("a", 1).put("d", "set")),
                TestRecords.sourceWithoutTimestampOrPartition(STRUCT, new Struct(STRUCT).put("a", 1)),
                TestRecords.source(STRUCT, null),
                TestRecords.source(null, map),
                TestRecords.sink(null, map),
                TestRecords.sourceWithoutTimestampOrPartition(null, map),
                TestRecords.source(null, null),
                TestRecords.source(null, "text"),
                TestRecords.source(Schema.INT32_SCHEMA, 5));
        for (ConnectRecord<?> record : records) {
            Differential.assertSameOutcome(VALUE, config, record);
            Differential.assertSameOutcome(KEY, config, record);
        }
    }
}
