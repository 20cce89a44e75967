package org.apache.kafka.connect.json;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;

/** Connect schema/value pairs, built with our API, fed to both converters' fromConnectData. */
final class ConnectDataCases {

    record ConnectCase(String name, Schema schema, Object value) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final Schema PERSON = SchemaBuilder.struct().name("com.example.Person").version(2).doc("a person")
            .field("name", Schema.STRING_SCHEMA)
            .field("age", Schema.OPTIONAL_INT32_SCHEMA)
            .field("score", SchemaBuilder.float64().defaultValue(1.5).build())
            .build();

    private final List<ConnectCase> cases = new ArrayList<>();

    private ConnectDataCases() {
    }

    static List<ConnectCase> all() {
        ConnectDataCases c = new ConnectDataCases();
        c.primitives();
        c.nullsAndDefaults();
        c.logicalTypes();
        c.containers();
        c.schemaMetadata();
        c.schemaless();
        c.wrongJavaTypes();
        return c.cases;
    }

    private void add(String name, Schema schema, Object value) {
        cases.add(new ConnectCase(name, schema, value));
    }

    private void primitives() {
        add("int8", Schema.INT8_SCHEMA, (byte) -128);
        add("int16", Schema.INT16_SCHEMA, (short) 32767);
        add("int32", Schema.INT32_SCHEMA, 123456);
        add("int64", Schema.INT64_SCHEMA, Long.MIN_VALUE);
        add("float32", Schema.FLOAT32_SCHEMA, 1.1f);
        add("float32 tiny", Schema.FLOAT32_SCHEMA, 1.0e-7f);
        add("float32 NaN", Schema.FLOAT32_SCHEMA, Float.NaN);
        add("float64", Schema.FLOAT64_SCHEMA, 0.1 + 0.2);
        add("float64 negative zero", Schema.FLOAT64_SCHEMA, -0.0);
        add("float64 infinity", Schema.FLOAT64_SCHEMA, Double.POSITIVE_INFINITY);
        add("float64 large", Schema.FLOAT64_SCHEMA, 1.0e300);
        add("float64 whole", Schema.FLOAT64_SCHEMA, 3.0);
        add("boolean", Schema.BOOLEAN_SCHEMA, true);
        add("string", Schema.STRING_SCHEMA, "héllo \"quoted\" \n 😀 </script>");
        add("empty string", Schema.STRING_SCHEMA, "");
        add("printable ASCII string", Schema.STRING_SCHEMA, printableAscii());
        add("string ending in DEL", Schema.STRING_SCHEMA, "line\u007f");
        add("string with a tab", Schema.STRING_SCHEMA, "a\tb");
        add("string with a unit separator", Schema.STRING_SCHEMA, "a\u001fb");
        add("string with a backslash", Schema.STRING_SCHEMA, "C:\\temp");
        add("string with a Latin-1 letter", Schema.STRING_SCHEMA, "caf\u00e9");
        add("optional plain string", Schema.OPTIONAL_STRING_SCHEMA, "0000000001 abcdefghij");
        add("schemaless plain string", null, "0000000001 abcdefghij");
        add("schemaless quoted string", null, "say \"hi\"");
        add("bytes", Schema.BYTES_SCHEMA, new byte[] {0, 1, 2, (byte) 255});
        add("empty bytes", Schema.BYTES_SCHEMA, new byte[0]);
        add("bytes as ByteBuffer", Schema.BYTES_SCHEMA, ByteBuffer.wrap("abc".getBytes(StandardCharsets.UTF_8)));
        add("bytes as ByteBuffer window", Schema.BYTES_SCHEMA,
                ByteBuffer.wrap("abcdef".getBytes(StandardCharsets.UTF_8), 2, 3));
        add("bytes as read-only ByteBuffer", Schema.BYTES_SCHEMA,
                ByteBuffer.wrap(new byte[] {1}).asReadOnlyBuffer());
        add("bytes as direct ByteBuffer", Schema.BYTES_SCHEMA, ByteBuffer.allocateDirect(2));
    }

    private void nullsAndDefaults() {
        add("tombstone: no schema, no value", null, null);
        add("optional null", Schema.OPTIONAL_STRING_SCHEMA, null);
        add("required null", Schema.STRING_SCHEMA, null);
        add("required null with default", SchemaBuilder.int32().defaultValue(42).build(), null);
        add("optional null with default", SchemaBuilder.string().optional().defaultValue("d").build(), null);
        add("value with default", SchemaBuilder.int32().defaultValue(42).build(), 7);
        add("struct with unset optional and defaulted fields", PERSON, new Struct(PERSON).put("name", "ann"));
        add("struct with required field unset", PERSON, new Struct(PERSON).put("age", 3));
        Schema optionalWithDefault = SchemaBuilder.struct()
                .field("o", SchemaBuilder.int32().optional().defaultValue(5).build()).build();
        add("struct with optional defaulted field unset", optionalWithDefault, new Struct(optionalWithDefault));
        add("array with nulls and element default",
                SchemaBuilder.array(SchemaBuilder.int32().optional().defaultValue(0).build()).build(),
                Arrays.asList(1, null, 3));
        add("array with null required element", SchemaBuilder.array(Schema.INT32_SCHEMA).build(), Arrays.asList(1, null));
        SchemaBuilder selfDefaulted = SchemaBuilder.struct().field("a", Schema.INT32_SCHEMA).optional();
        selfDefaulted.defaultValue(new Struct(selfDefaulted).put("a", 1));
        add("struct null with struct default (unbuilt builder)", selfDefaulted, null);
        add("array null with array default",
                SchemaBuilder.array(Schema.STRING_SCHEMA).defaultValue(List.of("x", "y")).build(), null);
        add("map null with map default",
                SchemaBuilder.map(Schema.INT32_SCHEMA, Schema.STRING_SCHEMA).defaultValue(Map.of(1, "one")).build(), null);
        add("bytes null with default", SchemaBuilder.bytes().defaultValue(new byte[] {9}).build(), null);
    }

    private void logicalTypes() {
        add("decimal", Decimal.schema(2), new BigDecimal("1.10"));
        add("decimal negative", Decimal.schema(3), new BigDecimal("-12345.678"));
        add("decimal zero scale", Decimal.schema(0), new BigDecimal("12345678901234567890"));
        add("decimal negative scale", Decimal.schema(-2), new BigDecimal("1E+3"));
        add("decimal with wrong scale", Decimal.schema(2), new BigDecimal("1.5"));
        add("decimal given a double", Decimal.schema(2), 1.5);
        add("optional decimal null", Decimal.builder(2).optional().build(), null);
        add("decimal default", Decimal.builder(1).defaultValue(new BigDecimal("2.5")).build(), null);
        add("decimal name on an int32 schema",
                SchemaBuilder.int32().name(Decimal.LOGICAL_NAME).parameter(Decimal.SCALE_FIELD, "0").build(),
                new BigDecimal("5"));
        add("date", Date.SCHEMA, new java.util.Date(19000L * 24 * 60 * 60 * 1000));
        add("date with time of day", Date.SCHEMA, new java.util.Date(1000));
        add("date given a long", Date.SCHEMA, 5L);
        add("time", Time.SCHEMA, new java.util.Date(3_600_000));
        add("time beyond a day", Time.SCHEMA, new java.util.Date(90_000_000L));
        add("timestamp", Timestamp.SCHEMA, new java.util.Date(1_700_000_000_123L));
        add("timestamp as sql timestamp", Timestamp.SCHEMA, new java.sql.Timestamp(1_700_000_000_123L));
        add("timestamp given a string", Timestamp.SCHEMA, "2020-01-01");
        add("timestamp default", Timestamp.builder().defaultValue(new java.util.Date(5)).build(), null);
        add("date default", Date.builder().optional().defaultValue(new java.util.Date(0)).build(), null);
        Schema logicalStruct = SchemaBuilder.struct()
                .field("d", Decimal.schema(1))
                .field("day", Date.builder().optional().build())
                .field("at", Timestamp.SCHEMA)
                .build();
        add("struct of logical fields", logicalStruct,
                new Struct(logicalStruct).put("d", new BigDecimal("0.1")).put("at", new java.util.Date(7)));
    }

    private void containers() {
        Struct ann = new Struct(PERSON).put("name", "ann").put("age", 30).put("score", 9.5);
        add("struct", PERSON, ann);
        Schema outer = SchemaBuilder.struct().name("outer")
                .field("people", SchemaBuilder.array(PERSON).build())
                .field("byName", SchemaBuilder.map(Schema.STRING_SCHEMA, PERSON).optional().build())
                .field("inner", SchemaBuilder.struct().field("flag", Schema.BOOLEAN_SCHEMA).build())
                .build();
        Struct inner = new Struct(outer.field("inner").schema()).put("flag", false);
        add("nested structs arrays and maps", outer, new Struct(outer)
                .put("people", List.of(ann, new Struct(PERSON).put("name", "bob")))
                .put("byName", linked("ann", ann))
                .put("inner", inner));
        add("array of strings", SchemaBuilder.array(Schema.STRING_SCHEMA).build(), List.of("a", "b"));
        add("empty array", SchemaBuilder.array(Schema.STRING_SCHEMA).build(), List.of());
        add("array of arrays", SchemaBuilder.array(SchemaBuilder.array(Schema.INT64_SCHEMA).build()).build(),
                List.of(List.of(1L, 2L), List.of()));
        add("array given a set", SchemaBuilder.array(Schema.INT32_SCHEMA).build(), new LinkedHashSet<>(List.of(3, 1)));
        add("map with string keys", SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.INT32_SCHEMA).build(),
                linked("b", 2, "a", 1));
        add("map with optional string keys and a null key",
                SchemaBuilder.map(Schema.OPTIONAL_STRING_SCHEMA, Schema.INT32_SCHEMA).build(), linked(null, 1, "x", 2));
        add("map with int keys", SchemaBuilder.map(Schema.INT32_SCHEMA, Schema.STRING_SCHEMA).build(),
                linked(2, "two", 1, "one"));
        add("map with struct keys", SchemaBuilder.map(PERSON, Schema.BOOLEAN_SCHEMA).build(), linked(ann, true));
        add("map with bytes keys", SchemaBuilder.map(Schema.BYTES_SCHEMA, Schema.INT8_SCHEMA).build(),
                linked(new byte[] {1}, (byte) 1));
        add("map with decimal keys", SchemaBuilder.map(Decimal.schema(1), Schema.STRING_SCHEMA).build(),
                linked(new BigDecimal("1.5"), "x"));
        add("map with optional values", SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.OPTIONAL_INT64_SCHEMA).build(),
                linked("k", null));
        add("empty map with int keys", SchemaBuilder.map(Schema.INT32_SCHEMA, Schema.STRING_SCHEMA).build(), Map.of());
        add("struct with mismatching schema", PERSON,
                new Struct(SchemaBuilder.struct().field("name", Schema.STRING_SCHEMA).build()).put("name", "x"));
        add("struct with equal but distinct schema", SchemaBuilder.struct().name("com.example.Person").version(2)
                .doc("a person").field("name", Schema.STRING_SCHEMA).field("age", Schema.OPTIONAL_INT32_SCHEMA)
                .field("score", SchemaBuilder.float64().defaultValue(1.5).build()).build(), ann);
        add("optional struct null", SchemaBuilder.struct().optional().build(), null);
    }

    private void schemaMetadata() {
        add("schema with name version doc parameters", SchemaBuilder.string().name("n").version(1).doc("d")
                .parameter("z", "1").parameter("a", "2").build(), "v");
        add("struct schema with field order", SchemaBuilder.struct().field("z", Schema.INT8_SCHEMA)
                .field("a", Schema.OPTIONAL_BYTES_SCHEMA).build(), null);
        Schema struct = SchemaBuilder.struct().field("z", Schema.INT8_SCHEMA).field("a", Schema.OPTIONAL_BYTES_SCHEMA)
                .build();
        add("struct with bytes field", struct, new Struct(struct).put("z", (byte) 1).put("a", new byte[] {1, 2, 3}));
        add("schema with empty doc and name", SchemaBuilder.int64().name("").doc("").build(), 1L);
    }

    private void schemaless() {
        add("schemaless integer", null, 5);
        add("schemaless byte", null, (byte) 5);
        add("schemaless long", null, 5L);
        add("schemaless float", null, 2.5f);
        add("schemaless double", null, 2.5);
        add("schemaless string", null, "s");
        add("schemaless boolean", null, false);
        add("schemaless bytes", null, new byte[] {1, 2});
        add("schemaless ByteBuffer", null, ByteBuffer.wrap(new byte[] {3}));
        add("schemaless list", null, Arrays.asList(1, "a", null, List.of(true)));
        add("schemaless map with string keys", null, linked("z", 1, "a", linked("n", null)));
        add("schemaless map with int keys", null, linked(1, "a", 2, "b"));
        add("schemaless map with mixed keys", null, linked("a", 1, 2, 2));
        add("schemaless map with null key", null, linked(null, 1));
        add("schemaless empty map", null, Map.of());
        add("schemaless sorted map", null, new TreeMap<>(Map.of("b", 1, "a", 2)));
        add("schemaless struct", null, new Struct(PERSON).put("name", "x"));
        add("schemaless decimal", null, new BigDecimal("1.5"));
        add("schemaless date", null, new java.util.Date(0));
        add("schemaless character", null, 'c');
        add("schemaless array of primitives", null, new int[] {1});
        add("schemaless nested struct in list", null, List.of(new Struct(PERSON).put("name", "x")));
    }

    private void wrongJavaTypes() {
        add("int32 given a long", Schema.INT32_SCHEMA, 5L);
        add("int8 given an int", Schema.INT8_SCHEMA, 5);
        add("int64 given an int", Schema.INT64_SCHEMA, 5);
        add("float64 given a float", Schema.FLOAT64_SCHEMA, 1.5f);
        add("boolean given a string", Schema.BOOLEAN_SCHEMA, "true");
        add("string given an int", Schema.STRING_SCHEMA, 5);
        add("string given a StringBuilder", Schema.STRING_SCHEMA, new StringBuilder("sb"));
        add("bytes given a string", Schema.BYTES_SCHEMA, "AQID");
        add("array given a map", SchemaBuilder.array(Schema.INT32_SCHEMA).build(), Map.of());
        add("array given a Java array", SchemaBuilder.array(Schema.INT32_SCHEMA).build(), new Integer[] {1});
        add("array element of wrong type", SchemaBuilder.array(Schema.INT32_SCHEMA).build(), List.of("x"));
        add("map given a list", SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.INT32_SCHEMA).build(), List.of());
        add("map key of wrong type", SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.INT32_SCHEMA).build(),
                linked(1, 1));
        add("map value of wrong type", SchemaBuilder.map(Schema.INT32_SCHEMA, Schema.INT32_SCHEMA).build(),
                linked(1, "x"));
        add("struct given a map", PERSON, Map.of("name", "x"));
        add("struct given a string", PERSON, "x");
    }

    private static Map<Object, Object> linked(Object... keysAndValues) {
        Map<Object, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    /** Every character from space to '~': the plain-string path writes these itself. */
    private static String printableAscii() {
        StringBuilder text = new StringBuilder();
        for (char c = ' '; c <= '~'; c++) {
            text.append(c);
        }
        return text.toString();
    }
}
