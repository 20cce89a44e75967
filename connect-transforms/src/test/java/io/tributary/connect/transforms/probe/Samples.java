package io.tributary.connect.transforms.probe;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;

/** Named keys/values, with and without schemas, that the differential tests push through both worlds. */
final class Samples {

    static final long INSTANT = 1_700_000_123_456L;

    private static final Map<String, Supplier<SchemaAndValue>> SAMPLES = new LinkedHashMap<>();

    static {
        SAMPLES.put("null", () -> new SchemaAndValue(null, null));
        SAMPLES.put("null-optional-struct", () -> new SchemaAndValue(flatSchema(true), null));
        SAMPLES.put("null-optional-long", () -> new SchemaAndValue(Schema.OPTIONAL_INT64_SCHEMA, null));
        SAMPLES.put("struct-flat", () -> new SchemaAndValue(flatSchema(false), flatStruct(flatSchema(false))));
        SAMPLES.put("struct-sparse", () -> new SchemaAndValue(flatSchema(false), sparseStruct(flatSchema(false))));
        SAMPLES.put("struct-times", () -> new SchemaAndValue(timesSchema(false), timesStruct(timesSchema(false))));
        SAMPLES.put("struct-times-optional-default", Samples::optionalTimesWithDefault);
        SAMPLES.put("map-flat", () -> new SchemaAndValue(null, flatMap()));
        SAMPLES.put("map-times", () -> new SchemaAndValue(null, timesMap()));
        SAMPLES.put("map-empty", () -> new SchemaAndValue(null, new HashMap<String, Object>()));
        SAMPLES.put("long-schemaless", () -> new SchemaAndValue(null, INSTANT));
        SAMPLES.put("long-int64", () -> new SchemaAndValue(Schema.INT64_SCHEMA, INSTANT));
        SAMPLES.put("long-negative", () -> new SchemaAndValue(Schema.OPTIONAL_INT64_SCHEMA, -1_234_567L));
        SAMPLES.put("string-ts-schemaless", () -> new SchemaAndValue(null, "2024-02-29 23:59:58"));
        SAMPLES.put("string-ts-schema", () -> new SchemaAndValue(Schema.STRING_SCHEMA, "2024-02-29 23:59:58"));
        SAMPLES.put("string-date-only", () -> new SchemaAndValue(Schema.OPTIONAL_STRING_SCHEMA, "1999-12-31"));
        SAMPLES.put("string-garbage", () -> new SchemaAndValue(Schema.STRING_SCHEMA, "not a time"));
        SAMPLES.put("date-schemaless", () -> new SchemaAndValue(null, new java.util.Date(INSTANT)));
        SAMPLES.put("timestamp-schema", () -> new SchemaAndValue(Timestamp.SCHEMA, new java.util.Date(INSTANT)));
        SAMPLES.put("date-schema", () -> new SchemaAndValue(Date.SCHEMA, Date.toLogical(Date.SCHEMA, 19_000)));
        SAMPLES.put("time-schema", () -> new SchemaAndValue(Time.SCHEMA, Time.toLogical(Time.SCHEMA, 45_296_789)));
        SAMPLES.put("int-schema", () -> new SchemaAndValue(Schema.INT32_SCHEMA, 42));
        SAMPLES.put("int-schemaless", () -> new SchemaAndValue(null, 42));
        SAMPLES.put("bytes-schema", () -> new SchemaAndValue(Schema.BYTES_SCHEMA, new byte[] {1, 2, 3}));
        SAMPLES.put("array-schema", () -> new SchemaAndValue(
                SchemaBuilder.array(Schema.STRING_SCHEMA).name("names").version(3).doc("d").build(),
                new ArrayList<>(List.of("a", "b"))));
        SAMPLES.put("map-schema", () -> new SchemaAndValue(
                SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.INT32_SCHEMA).optional().build(),
                new HashMap<>(Map.of("x", 1))));
        SAMPLES.put("struct-nested", Samples::nested);
    }

    private Samples() {
    }

    static List<String> names() {
        return new ArrayList<>(SAMPLES.keySet());
    }

    static SchemaAndValue get(String name) {
        Supplier<SchemaAndValue> sample = SAMPLES.get(name);
        if (sample == null) {
            throw new IllegalArgumentException("No sample " + name);
        }
        return sample.get();
    }

    private static Schema flatSchema(boolean optional) {
        SchemaBuilder builder = SchemaBuilder.struct().name("flat").version(7).doc("all kinds")
                .parameter("p", "v")
                .field("int8", Schema.INT8_SCHEMA)
                .field("int16", Schema.INT16_SCHEMA)
                .field("int32", Schema.INT32_SCHEMA)
                .field("int64", Schema.INT64_SCHEMA)
                .field("float32", Schema.FLOAT32_SCHEMA)
                .field("float64", Schema.FLOAT64_SCHEMA)
                .field("boolean", Schema.BOOLEAN_SCHEMA)
                .field("string", Schema.STRING_SCHEMA)
                .field("bytes", Schema.OPTIONAL_BYTES_SCHEMA)
                .field("decimal", Decimal.builder(2).optional().build())
                .field("array", SchemaBuilder.array(Schema.STRING_SCHEMA).optional().build())
                .field("map", SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.INT32_SCHEMA).optional().build())
                .field("opt_string", Schema.OPTIONAL_STRING_SCHEMA)
                .field("opt_int_default", SchemaBuilder.int32().optional().defaultValue(99).build())
                .field("nested", SchemaBuilder.struct().optional().field("inner", Schema.OPTIONAL_STRING_SCHEMA)
                        .build());
        if (optional) {
            builder.optional();
        }
        return builder.build();
    }

    private static Struct flatStruct(Schema schema) {
        Struct struct = new Struct(schema)
                .put("int8", (byte) 8)
                .put("int16", (short) 16)
                .put("int32", 32)
                .put("int64", 64L)
                .put("float32", 3.5f)
                .put("float64", 6.25d)
                .put("boolean", true)
                .put("string", "text")
                .put("bytes", new byte[] {9, 8})
                .put("decimal", new BigDecimal("12.34"))
                .put("array", new ArrayList<>(List.of("x", "y")))
                .put("map", new HashMap<>(Map.of("k", 1)))
                .put("opt_string", "present")
                .put("opt_int_default", 5);
        struct.put("nested", new Struct(schema.field("nested").schema()).put("inner", "deep"));
        return struct;
    }

    /** Only required fields set: optional ones stay null, so defaults come into play. */
    private static Struct sparseStruct(Schema schema) {
        return new Struct(schema)
                .put("int8", (byte) -1)
                .put("int16", (short) -2)
                .put("int32", -3)
                .put("int64", -4L)
                .put("float32", -0.5f)
                .put("float64", -1.5d)
                .put("boolean", false)
                .put("string", "");
    }

    private static Schema timesSchema(boolean optional) {
        SchemaBuilder builder = SchemaBuilder.struct().name("times")
                .field("ts_long", Schema.INT64_SCHEMA)
                .field("ts_string", Schema.STRING_SCHEMA)
                .field("ts_date", Date.SCHEMA)
                .field("ts_time", Time.SCHEMA)
                .field("ts_timestamp", Timestamp.SCHEMA)
                .field("ts_opt_null", Timestamp.builder().optional().build())
                .field("ts_with_default", Timestamp.builder().optional()
                        .defaultValue(new java.util.Date(86_400_000L)).build())
                .field("other", Schema.OPTIONAL_STRING_SCHEMA)
                .field("int32", Schema.OPTIONAL_INT32_SCHEMA);
        if (optional) {
            builder.optional();
        }
        return builder.build();
    }

    private static Struct timesStruct(Schema schema) {
        return new Struct(schema)
                .put("ts_long", INSTANT)
                .put("ts_string", "2023-11-14 22:15:23")
                .put("ts_date", Date.toLogical(Date.SCHEMA, 19_675))
                .put("ts_time", Time.toLogical(Time.SCHEMA, 3_723_004))
                .put("ts_timestamp", new java.util.Date(INSTANT))
                .put("other", "keep")
                .put("int32", 7);
    }

    private static SchemaAndValue optionalTimesWithDefault() {
        Schema plain = timesSchema(true);
        Struct fallback = timesStruct(plain);
        SchemaBuilder builder = SchemaBuilder.struct().name("times").optional();
        plain.fields().forEach(field -> builder.field(field.name(), field.schema()));
        builder.defaultValue(rebind(fallback, builder));
        Schema schema = builder.build();
        return new SchemaAndValue(schema, rebind(timesStruct(plain), schema));
    }

    private static Struct rebind(Struct struct, Schema schema) {
        Struct copy = new Struct(schema);
        schema.fields().forEach(field -> copy.put(field.name(), struct.getWithoutDefault(field.name())));
        return copy;
    }

    private static Map<String, Object> flatMap() {
        Map<String, Object> map = new HashMap<>();
        map.put("int8", (byte) 8);
        map.put("int16", (short) 16);
        map.put("int32", 32);
        map.put("int64", 64L);
        map.put("float32", 3.5f);
        map.put("float64", 6.25d);
        map.put("boolean", true);
        map.put("string", "text");
        map.put("bytes", new byte[] {9, 8});
        map.put("decimal", new BigDecimal("12.34"));
        map.put("bigint", new BigInteger("123456789012345678901234567890"));
        map.put("date", new java.util.Date(INSTANT));
        map.put("array", new ArrayList<>(List.of("x", "y")));
        map.put("map", new HashMap<>(Map.of("k", 1)));
        map.put("opt_string", null);
        map.put("char", 'c');
        return map;
    }

    private static Map<String, Object> timesMap() {
        Map<String, Object> map = new HashMap<>();
        map.put("ts_long", INSTANT);
        map.put("ts_string", "2023-11-14 22:15:23");
        map.put("ts_date", new java.util.Date(INSTANT));
        map.put("ts_opt_null", null);
        map.put("int32", 7);
        map.put("other", "keep");
        return map;
    }

    private static SchemaAndValue nested() {
        Schema inner = SchemaBuilder.struct().name("inner").field("a", Schema.INT32_SCHEMA).build();
        Schema outer = SchemaBuilder.struct().name("outer").version(1)
                .field("child", inner)
                .field("int32", Schema.INT32_SCHEMA)
                .build();
        return new SchemaAndValue(outer, new Struct(outer).put("child", new Struct(inner).put("a", 1)).put("int32", 2));
    }
}
