package io.tributary.connect.transforms.diff;

import java.util.List;
import java.util.Map;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.junit.jupiter.api.Test;

/** HoistField$Key and $Value against Apache's. */
class HoistFieldDifferentialTest {

    private static final String KEY = "org.apache.kafka.connect.transforms.HoistField$Key";
    private static final String VALUE = "org.apache.kafka.connect.transforms.HoistField$Value";

    @Test
    void wrapsDataWithAndWithoutSchemasLikeApache() {
        Schema struct = SchemaBuilder.struct().name("s").field("a", Schema.INT32_SCHEMA).build();
        List<org.apache.kafka.connect.connector.ConnectRecord<?>> records = List.of(
                TestRecords.source(Schema.INT32_SCHEMA, 5),
                TestRecords.source(SchemaBuilder.string().name("named").optional().defaultValue("d").build(), "x"),
                TestRecords.source(struct, new Struct(struct).put("a", 1)),
                TestRecords.source(Schema.OPTIONAL_STRING_SCHEMA, null),
                TestRecords.source(Schema.STRING_SCHEMA, null),
                TestRecords.source(null, "text"),
                TestRecords.source(null, null),
                TestRecords.source(null, Map.of("a", 1)),
                TestRecords.sink(Schema.INT32_SCHEMA, 5));
        Differential.assertSameOutcomes(VALUE, Map.of("field", "wrapper"), records);
        Differential.assertSameOutcomes(KEY, Map.of("field", "wrapper"), records);
    }

    @Test
    void missingFieldSettingFailsLikeApache() {
        Differential.assertSameOutcome(VALUE, Map.of(), TestRecords.source(null, 1));
    }
}
