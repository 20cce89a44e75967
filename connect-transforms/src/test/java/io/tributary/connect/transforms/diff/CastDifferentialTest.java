package io.tributary.connect.transforms.diff;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Cast$Key and Cast$Value against Apache's, over every type pair, logical types, structs and maps. */
class CastDifferentialTest {

    private static final String KEY = "org.apache.kafka.connect.transforms.Cast$Key";
    private static final String VALUE = "org.apache.kafka.connect.transforms.Cast$Value";
    private static final List<String> TARGETS = List.of("int8", "int16", "int32", "int64", "float32", "float64",
            "boolean", "string");

    static Stream<Arguments> wholeValueInputs() {
        List<Arguments> inputs = new ArrayList<>();
        Object[][] typed = {
            {Schema.INT8_SCHEMA, (byte) -5}, {Schema.INT16_SCHEMA, (short) 300}, {Schema.INT32_SCHEMA, 70_000},
            {Schema.INT64_SCHEMA, 5_000_000_000L}, {Schema.FLOAT32_SCHEMA, 3.7f}, {Schema.FLOAT32_SCHEMA, 0.5f},
            {Schema.FLOAT64_SCHEMA, -2.5d}, {Schema.FLOAT64_SCHEMA, 1e20}, {Schema.BOOLEAN_SCHEMA, true},
            {Schema.BOOLEAN_SCHEMA, false}, {Schema.STRING_SCHEMA, "42"}, {Schema.STRING_SCHEMA, "true"},
            {Schema.STRING_SCHEMA, " 42"}, {Schema.STRING_SCHEMA, "1e3"}, {Schema.STRING_SCHEMA, "300"},
            {Schema.STRING_SCHEMA, "x"}, {Schema.STRING_SCHEMA, "TRUE"}, {Schema.STRING_SCHEMA, "-0"},
            {Schema.BYTES_SCHEMA, new byte[] {1, 2, 3}}, {Schema.BYTES_SCHEMA, ByteBuffer.wrap(new byte[] {4, 5})},
            {Decimal.schema(2), new BigDecimal("12.34")}, {Timestamp.SCHEMA, new java.util.Date(TestRecords.TIMESTAMP)},
            {Timestamp.SCHEMA, new java.util.Date(86_400_000L * 3)}, {Date.SCHEMA, new java.util.Date(86_400_000L * 3)},
            {Date.SCHEMA, new java.util.Date(0)}, {Time.SCHEMA, new java.util.Date(3_723_000)},
            {SchemaBuilder.array(Schema.INT32_SCHEMA).build(), List.of(1)},
            {SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.INT32_SCHEMA).build(), Map.of("a", 1)},
            {SchemaBuilder.int32().name("custom").version(2).doc("d").parameter("k", "v").optional().defaultValue(9)
                    .build(), 3},
            {Schema.OPTIONAL_INT32_SCHEMA, null},
        };
        for (Object[] input : typed) {
            for (String target : TARGETS) {
                Schema schema = (Schema) input[0];
                String label = target + " from " + (schema.name() != null ? schema.name() : schema.type()) + " "
                        + Rendering.value(input[1]);
                inputs.add(Arguments.of(label + " with schema", target, schema, input[1]));
                inputs.add(Arguments.of(label + " without schema", target, null, input[1]));
            }
        }
        return inputs.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wholeValueInputs")
    void wholeValueCastMatchesApache(String label, String target, Schema schema, Object value) {
        Map<String, Object> config = Map.of("spec", target);
        Differential.assertSameOutcomes(KEY, config, TestRecords.both(schema, value));
        Differential.assertSameOutcomes(VALUE, config, TestRecords.both(schema, value));
    }

    static Stream<Arguments> specs() {
        return Stream.of("", "int8", "INT8", " int8 ", "bytes", "struct", "foo", "a:int8,b:string", "int8,a:int8",
                "a:int8,int8", "a:", ":int8", "a:b:c", "a:int8,a:int16", "a:bytes", " a : int8 ", "int8,int16",
                "a:array").map(Arguments::of);
    }

    @ParameterizedTest(name = "spec [{0}]")
    @MethodSource("specs")
    void specParsingMatchesApache(String spec) {
        Map<String, Object> map = new HashMap<>();
        map.put("a", 5);
        Differential.assertSameOutcomes(VALUE, Map.of("spec", spec), TestRecords.both(null, map));
    }

    private static final Schema INNER = SchemaBuilder.struct().field("x", Schema.INT32_SCHEMA).build();
    private static final Schema RECORD = SchemaBuilder.struct().name("rec").version(4).doc("dd")
            .field("a", Schema.INT32_SCHEMA)
            .field("b", SchemaBuilder.int32().optional().defaultValue(7).build())
            .field("c", Schema.OPTIONAL_STRING_SCHEMA)
            .field("d", SchemaBuilder.string().defaultValue("12").build())
            .field("in", INNER)
            .field("ts", Timestamp.builder().optional().build())
            .field("bin", Schema.OPTIONAL_BYTES_SCHEMA)
            .field("list", SchemaBuilder.array(Schema.INT32_SCHEMA).optional().build())
            .build();

    static Stream<Arguments> structSpecs() {
        return Stream.of("a:int64", "b:string", "c:int32", "d:int64", "zz:int64", "in:string", "ts:int64",
                "ts:string", "a:int64,b:float32", "int64", "bin:string", "bin:int8", "list:string", "a:boolean,d:int8")
                .flatMap(spec -> Stream.of(Arguments.of(spec, true), Arguments.of(spec, false)));
    }

    @ParameterizedTest(name = "struct spec [{0}] replace.null.with.default={1}")
    @MethodSource("structSpecs")
    void structFieldCastMatchesApache(String spec, boolean replaceNullWithDefault) {
        Struct withNulls = new Struct(RECORD).put("a", 3).put("in", new Struct(INNER).put("x", 1))
                .put("ts", new java.util.Date(1000));
        Struct full = new Struct(RECORD).put("a", 3).put("b", 0).put("c", "5").put("d", "77")
                .put("in", new Struct(INNER).put("x", 1)).put("ts", new java.util.Date(1000))
                .put("bin", new byte[] {9}).put("list", List.of(1, 2));
        Map<String, Object> config = Map.of("spec", spec, "replace.null.with.default", replaceNullWithDefault);
        List<org.apache.kafka.connect.connector.ConnectRecord<?>> records = new ArrayList<>();
        records.addAll(TestRecords.both(RECORD, withNulls));
        records.addAll(TestRecords.both(RECORD, full));
        records.add(TestRecords.source(RECORD, null));
        Differential.assertSameOutcomes(VALUE, config, records);
        Differential.assertSameOutcomes(KEY, config, records);
    }

    @ParameterizedTest(name = "map spec [{0}]")
    @MethodSource("mapSpecs")
    void schemalessFieldCastMatchesApache(String spec) {
        Map<String, Object> map = new HashMap<>();
        map.put("a", 3);
        map.put("b", null);
        map.put("c", "5");
        map.put("d", List.of(1));
        map.put("e", new BigDecimal("1.5"));
        map.put("f", new byte[] {1});
        Differential.assertSameOutcomes(VALUE, Map.of("spec", spec), List.of(TestRecords.source(null, map),
                TestRecords.source(null, null), TestRecords.source(null, "text"), TestRecords.source(null, Map.of(1, 2))));
    }

    static Stream<Arguments> mapSpecs() {
        return Stream.of("a:int64", "b:int64", "c:int64", "zz:int64", "d:string", "e:string", "f:string", "f:int8",
                "int8", "a:string,c:float64").map(Arguments::of);
    }

    @Test
    void optionalStructWithNullValuePassesUnchanged() {
        Schema optional = SchemaBuilder.struct().field("a", Schema.INT32_SCHEMA).optional().build();
        Differential.assertSameOutcomes(VALUE, Map.of("spec", "a:int64"), TestRecords.both(optional, null));
    }

    @Test
    void fieldCastOnNonStructFailsLikeApache() {
        Differential.assertSameOutcomes(VALUE, Map.of("spec", "a:int64"), TestRecords.both(Schema.INT32_SCHEMA, 4));
    }
}
