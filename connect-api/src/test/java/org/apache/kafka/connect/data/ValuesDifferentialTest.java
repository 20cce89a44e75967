package org.apache.kafka.connect.data;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DateFormat;
import java.text.SimpleDateFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the same {@link Probe} against our Values and against Apache's, loaded child-first from the reference
 * jar, and compares canonical renderings of every result (including which exception was thrown).
 */
class ValuesDifferentialTest {

    private static URLClassLoader referenceLoader;
    private static Class<?> referenceProbe;

    @BeforeAll
    static void loadReference() throws Exception {
        Path jar = Path.of(System.getProperty("reference.dir", "target/reference"), "connect-api.jar");
        assertThat(Files.exists(jar)).as("reference jar %s", jar).isTrue();
        URL probeLocation = Probe.class.getProtectionDomain().getCodeSource().getLocation();
        referenceLoader = new ConnectFirstClassLoader(new URL[]{jar.toUri().toURL(), probeLocation},
                ValuesDifferentialTest.class.getClassLoader());
        referenceProbe = Class.forName(Probe.class.getName(), true, referenceLoader);
    }

    @AfterAll
    static void closeReference() throws IOException {
        referenceLoader.close();
    }

    @Test
    void probeRunsAgainstTheReferenceImplementation() {
        assertThat(referenceProbe.getClassLoader()).isSameAs(referenceLoader);
        assertThat(invokeReference("implementationLoader")).containsExactly("reference");
        assertThat(Probe.run("implementationLoader")).containsExactly("ours");
    }

    @Test
    void parseStringMatchesReference() {
        assertSameAsReference("parseString");
    }

    @Test
    void parseStringOfQuotedTextMatchesReference() {
        assertSameAsReference("parseQuoted");
    }

    @Test
    void primitiveConversionsMatchReference() {
        assertSameAsReference("convertPrimitives");
    }

    @Test
    void containerConversionsMatchReference() {
        assertSameAsReference("convertContainers");
    }

    @Test
    void temporalAndDecimalConversionsMatchReference() {
        assertSameAsReference("convertLogical");
    }

    @Test
    void convertToWithExplicitTargetSchemasMatchesReference() {
        assertSameAsReference("convertTo");
    }

    @Test
    void stringRenderingMatchesReference() {
        assertSameAsReference("render");
    }

    @Test
    void schemaInferenceMatchesReference() {
        assertSameAsReference("infer");
    }

    @Test
    void tokenizerMatchesReference() {
        assertSameAsReference("parser");
    }

    @Test
    void protectedHelpersMatchReference() {
        assertSameAsReference("helpers");
    }

    @Test
    void renderingThenParsingMatchesReference() {
        assertSameAsReference("roundTrip");
    }

    private static void assertSameAsReference(String group) {
        List<String> ours = Probe.run(group);
        List<String> reference = invokeReference(group);
        assertThat(ours).as("case count of %s", group).hasSize(reference.size());
        List<String> differences = new ArrayList<>();
        for (int i = 0; i < ours.size(); i++) {
            if (!ours.get(i).equals(reference.get(i))) {
                differences.add("\n  ours:      " + ours.get(i) + "\n  reference: " + reference.get(i));
            }
        }
        assertThat(differences).as("%d of %d %s cases differ", differences.size(), ours.size(), group).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static List<String> invokeReference(String group) {
        try {
            // The probe's package differs at run time (another loader), so its members need opening up.
            java.lang.reflect.Method run = referenceProbe.getDeclaredMethod("run", String.class);
            run.setAccessible(true);
            return (List<String>) run.invoke(null, group);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("reference probe failed for " + group, e);
        }
    }

    /** Loads the Connect API (and the probe) from its own URLs first; everything else from the parent. */
    private static final class ConnectFirstClassLoader extends URLClassLoader {
        ConnectFirstClassLoader(URL[] urls, ClassLoader parent) {
            super(urls, parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith("org.apache.kafka.connect.")) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                if (loaded == null) {
                    try {
                        loaded = findClass(name);
                    } catch (ClassNotFoundException e) {
                        loaded = super.loadClass(name, false);
                    }
                }
                if (resolve) {
                    resolveClass(loaded);
                }
                return loaded;
            }
        }
    }

    /**
     * The cases, written against the Connect API directly. This class is loaded twice: normally (linking to our
     * classes) and by the reference loader (linking to Apache's). It must not refer to the enclosing test.
     */
    static final class Probe {

        private final List<String> out = new ArrayList<>();

        public static List<String> run(String group) {
            Probe probe = new Probe();
            switch (group) {
                case "implementationLoader" -> probe.out.add(
                        Values.class.getClassLoader() == Probe.class.getClassLoader()
                                && Probe.class.getClassLoader() instanceof URLClassLoader loader
                                && loader.getClass().getSimpleName().equals("ConnectFirstClassLoader")
                                ? "reference" : "ours");
                case "parseString" -> probe.parseString();
                case "parseQuoted" -> probe.parseQuoted();
                case "convertPrimitives" -> probe.convertPrimitives();
                case "convertContainers" -> probe.convertContainers();
                case "convertLogical" -> probe.convertLogical();
                case "convertTo" -> probe.convertTo();
                case "render" -> probe.render();
                case "infer" -> probe.infer();
                case "parser" -> probe.parser();
                case "helpers" -> probe.helpers();
                case "roundTrip" -> probe.roundTrip();
                default -> throw new IllegalArgumentException(group);
            }
            return probe.out;
        }

        private static final String[] PARSE_INPUTS = {
            // literals and blanks
            "true", "false", "TRUE", "True", " true ", "true\t", "\ttrue", "true x", "true,", "true:", "true]", "false,1",
            "false ", "null", "NULL", "null ", " null", "null,1", "null x", "nullx", "", " ", "  ", "\n", "\t \n",
            // integers, smallest type first
            "0", "-0", "+0", "1", "-1", "+1", "127", "128", "-128", "-129", "32767", "32768", "-32768", "-32769",
            "2147483647", "2147483648", "-2147483648", "-2147483649", "9223372036854775807", "9223372036854775808",
            "-9223372036854775808", "-9223372036854775809", "123456789012345678901234567890", "00012", "1_000", "0x10",
            "1.0", "1.00", "5.", "100e-2", "1e2", "1E+2", "1e19", "1e18", "12345678901234567890.0", "0.0000", "-0.0",
            "0E-10", "0E+5", "1234567890", "20190101", "\u0663", "\u0661\u0662",
            // floats, doubles and decimals
            "1.5", "-1.5", "+1.5", "-.5", ".5", "0.1", "1.23456789012345678901234567890", "3.4028235E38",
            "3.40282356E38", "3.4028236E38", "3.5E38", "-3.5E38", "1.5E308", "1.7976931348623157E308",
            "1.7976931348623157E309", "1.8E308", "1E400", "-1E400", "1e-50", "1.1e-50", "1e-400", "4.9E-324",
            "12345678901234567890.5", "1.5f", "1.5d", "NaN", "Infinity", "-Infinity", "1e", "e1", "1..2", "--1", "+-1",
            "-", "+", ".", "1 2", "1 ,2", "1,2", "1:2", "1]", "1\"", " 1 ", "\t1", "1\n",
            // dates, times and timestamps
            "2019-01-01", " 2019-01-01", "2019-01-01 ", "2019-01-01x", "2019-01-1x", "2019-13-45", "2019-1-1",
            "1999-02-30", "0000-00-00", "9999-99-99", "12345-01-01", "-2019-01-01", "2019/01/01", "ab-cd-efgh",
            "1970-01-01", "1969-12-31", "12:34:56.789Z", " 12:34:56.789Z", "12:34:56.789Z ", "12 :34:56.789Z",
            "12: 34:56.789Z", "1 :34:56.789Z", "12:34:56Z", "12:34:56.78Z", "12:34:56.7890", "12:34:56.789X",
            "12:34:56,789Z", "12:34:56.789+01", "12:34:56.789Zab", "12:34:56.789Z,1", "25:34:56.789Z",
            "00:00:00.000Z", "23:59:59.999Z", "99:99:99.999Z", "12:3a:56.789Z", "12:34", "12:34:56", "12:34:56.789",
            "1:2:3:4", "2019-01-01T12:34:56.789Z", "2019-01-01T00:00:00.000Z", "1970-01-01T00:00:00.000Z",
            "2019-01-01T12:34:56Z", "2019-01-01T12:34:56.789Zx", "2019-01-01T12:34:56.789Z ",
            "2019-01-01T12:34:56.789Z,1", "2019-01-01T12:34:56.789+0100", "2019-01-01t12:34:56.789Z",
            "2019-01-01T25:61:61.999Z", "2019-02-30T12:34:56.789Z", "2019-01-01 12:34:56.789Z",
            // strings
            "abc", " abc ", "a b", "a:b", "a,b", "\"abc\"", "\"a,b\"", "\"", "\"\"", "\"a", "\"a\"x", "\"a\\\"b\"",
            "abc\\,def", "\\", "\\\\", "a\\", "{", "}", "[", "]", ":", ",", "'a'",
            // arrays
            "[]", "[ ]", "[  ]", "[1,2,3]", "[1, 2, 3]", "[ 1 , 2 ]", "[1,\"a\"]", "[1,300]", "[1,70000]", "[1,1.5]",
            "[1.5,1]", "[1.5,1e300]", "[true,false]", "[null]", "[null,null]", "[ null ]", "[null,1]", "[1,null]",
            "[null ,1]", "[true, null]", "[\"a\", null]", "[null, \"a\"]", "[1,]", "[1 , ]", "[,1]", "[,]", "[1,,2]",
            "[1 2]", "[1,2", "[1,", "[\"a", "[\"a\"", "[[1],[2]]", "[[1],[1.5]]", "[[1.5],[1]]", "[[1],[\"a\"]]",
            "[[1],[2,3]]", "[[],[1]]", "[[1],[]]", "[[]]", "[[[]]]", "[[],[]]", "[[1], null]", "[[1],[null]]",
            "[[null],[1]]", "[ [ 1 ] , [ 2 ] ]", "[1][2]", "[1,2]x", "[1,2] ", "[1,2]]", "[true,false]x", "[TRUE]",
            "[a]", "[\"a\",b]", "[-]", "[-1]", "[+1]", "[1e2]", "[1E400]", "[1.0]", "[NaN]", "[70000,1.5]",
            "[3000000000,1.5]", "[1,1e300]", "[1,9223372036854775808]", "[9223372036854775808,1]",
            "[9223372036854775808,1.5]", "[1.5,9223372036854775808]", "[true,1]", "[1,true]", "[\"a\",1]",
            "[1,\"a\",2]", "[\"a\",1,\"b\"]", "[1,2.5,\"a\",3]", "[1.5, 3.4028236E38]", "[1, 9223372036854775807]",
            "[1, 2147483648]", "[300, 2147483648]", "[1.5, 2147483648]", "[1.5, 70000]", "[1.5, 300]", "[1e300, 1]",
            "[1e300, 1.5]", "[1, 1.5, 1e300]", "[-1.5, -2]", "[1E400, 1.8E308]", "[1.8E308, 1E400]",
            "[1E400, 1E400]", "[1,2,3,4,5,6,7,8,9,10]", "[\"a\",\"b\",\"c\"]", "[{},{}]", "[{\"a\":1},{}]",
            "[{},{\"a\":1}]", "[{\"a\":1},{\"b\":2}]", "[{\"a\":1},{\"b\":\"x\"}]", "[{\"a\":1},[1]]",
            "[[1],{\"a\":1}]", "[{}]", "[true]", "[false,true]", "[\"true\"]", "[\"1\"]", "[\"null\"]", "[\"\"]",
            "[\"\",\"\"]", "[\" \"]", "[\" \",\"b\"]", "[\"a \",\"b\"]", "[\" a\",\"b\"]", "[\"a b\"]",
            "[\"[1,2]\"]", "[\"{}\"]", "[\"a\\\"b\"]", "[\"a\\\"b\",\"c\"]", "[\"a\\\\b\"]", "[\"a\\\\\"]",
            "[\"\\\\\"]", "[\"a\\\\\\\"b\"]", "[\"x:  \"]", "[\"a,b\",\"c:d\"]", "[abc\\,def]",
            // arrays of temporal values
            "[2019-01-01]", "[\"2019-01-01\"]", "[12:34:56.789Z]", "[12:34:56.789Z ]", "[12:34:56.789Z, 1]",
            "[2019-01-01T12:34:56.789Z]", "[2019-01-01,2019-01-01T12:34:56.789Z]",
            "[2019-01-01T12:34:56.789Z,2019-01-01]", "[1,2019-01-01]", "[2019-01-01,1]", "[12:34:56.789Z,1]",
            "[1,12:34:56.789Z]", "[2019-01-01,12:34:56.789Z]", "[12:34:56.789Z,2019-01-01]",
            "[12:34:56.789Z,2019-01-01T12:34:56.789Z]", "[1,2019-01-01T12:34:56.789Z]",
            "[2019-01-01T12:34:56.789Z,1]", "[2019-01-01T12:34:56.789Z,1.5]", "[1.5,2019-01-01]",
            "[70000, 2019-01-01]", "[2019-01-01, 70000]", "[2019-01-01T12:34:56.789Z, 9223372036854775807]",
            "[3000000000, 2019-01-01]", "[2019-01-01, 3000000000]", "[\"2019-01-01\",\"abc\"]",
            "[\"abc\",\"2019-01-01\"]", "[\"12:34:56.789Z\", \"2019-01-01T12:34:56.789Z\"]",
            // maps
            "{}", "{ }", "{\"a\":1}", "{\"a\":1,\"b\":2}", "{a:1}", "{\"a\":null}", "{null:1}", "{\"a\":1,}",
            "{\"a\"}", "{\"a\":1", "{1:2,3:4}", "{1:\"a\",2:[1]}", "{\"a\":1,\"b\":\"x\"}", "{\"a\":1,2:3}",
            "{\"a\":1,\"b\":1.5}", "{\"a\":null,\"b\":1}", "{\"a\":1,\"b\":null}", "{\"a\":[]}",
            "{\"a\":[],\"b\":[1]}", "{\"a\":[1],\"b\":[]}", "{\"a\":[],\"b\":[1],\"c\":[]}", "{,}",
            "{\"a\":1,,\"b\":2}", "{\"a\":1 \"b\":2}", "{\"a\" 1}", "{\"a\"::1}", "{:1}", "{\"a\":}",
            "{\"a\":,\"b\":1}", "{\"a\":\"b\"}{\"c\":1}", "{\"a\":1}}", "{\"a\":\"b\"}", "{\"a:b\":\"c\"}",
            "{\"a\":\"b:c\"}", "{\"a\":{}}", "{\"a\":{\"b\":1}}", "{\"a\":{\"b\":1},\"c\":{\"d\":\"x\"}}",
            "{\"a\":{\"b\":null}}", "{\"a\":{\"b\":null},\"c\":{\"d\":1}}", "{\"k\":true}", "{true:1}",
            "{1.5:1}", "{[1]:1}", "{{}:1}", "{\"a\":-1}", "{\"a\":+1}", "{ \"a\" : 1 }", "{ \"a\" : [ 1 , 2 ] }",
            "{\"a\":[1,2],\"b\":[3]}", "{\"a\":[1,2],\"b\":[1.5]}", "{\"a\":[1],\"b\":[\"x\"]}",
            "{\"a\":1,\"b\":\"x\",\"c\":2}", "{1:1,\"x\":1,2:1}", "{\"a\":1,\"a\":2}", "{\"a\":1,\"a\":\"x\"}",
            "{\"t\":2019-01-01T12:34:56.789Z}", "{\"a\":12:34:56.789Z}", "{12:34:56.789Z:1}",
            "{\"a\":\"2019-01-01\",\"b\":\"x\"}", "{\"2019-01-01\":1}", "{\"a\":true,\"b\":false}",
            "{\"a\":\"x\\\"y\"}", "{\"a\":[{\"b\":[1,{\"c\":null}]}]}",
            // unusual whitespace, escapes and nesting
            "\u00a0", "\u00a0true", "\u2003", "true\u2003", "\u0001", "\u00011", "[\u00a0]", "[1,\u00a0]", "[\u0001]",
            "{\"a\":\u00a0}", "[\"a\\\"]", "[\\\"a\"]", "[\"a\\]\"]", "[1\\,2]", "\\[1]", "[\\1]",
            "[[[[[[1]]]]]]", "[[[[[[1]]]]]", "{\"a\":{\"b\":{\"c\":[1,2,{\"d\":\"e\"}]}}}", "[{\"a\":[1,2]},{\"a\":[1.5]}]",
            "[[1,2],[1.5]]", "[1, 2, 3.5, 4]", "[1.0, 2.0]", "[0.5, 1E400]", "[\"a\"\"b\"]", "[\"a\" \"b\"]",
            "{\"a\":\"b\" \"c\":\"d\"}", "{\"a\"  :  \"b\"  ,  \"c\"  :  \"d\"  }", "{\"a\":[}", "[{]",
            "[true , false]", "[ true,false ]", "[truex]", "[true false]", "{\"a\":true x}", "[null null]",
            "[nullx]", "[\"null\",null]", "[2019-01-01x]", "[12:34:56.789Zx]", "[12:34]", "[12:34,1]",
            "[1:2]", "{1:2:3}", "{\"a\":2019-01-01,\"b\":3}", "{\"a\":3,\"b\":2019-01-01}",
        };

        private void parseString() {
            for (String input : PARSE_INPUTS) {
                record("parseString " + quoted(input), () -> Values.parseString(input));
            }
            record("parseString null", () -> Values.parseString(null));
        }

        private void parseQuoted() {
            for (String input : new String[]{"[\"2019-01-01\"]", "[\"2019-01-01 \"]", "[\" 2019-01-01\"]",
                "[\"12:34:56.789Z\"]", "[\"2019-01-01T12:34:56.789Z\"]", "[\"1\"]", "[\"1.5\"]", "[\"true\"]",
                "[\"[1]\"]", "[\"{\\\"a\\\":1}\"]", "{\"k\":\"2019-01-01\"}", "{\"2019-01-01\":\"12:34:56.789Z\"}",
                "[\"12:34:56.789Z,1\"]", "[\"2019-01-1x\"]", "[\"+019-01-01\"]", "[\"-019-01-01\"]",
                "[\"12:34:56.789Zx\"]", "[\" 12:34:56.789\"]", "[\"12:34:56.789 \"]", "[\"x2019-01-01\"]",
                "[\"2019-01-01T12:34:56.789+01\"]", "[\"99:99:99.999Z\"]", "[\"0000000000\"]", "[\"1234567890\"]",
                "[\"12\",\":34:56.789Z\"]", "[\"\\\"\"]", "[\"a\\,b\"]"}) {
                record("parseString " + quoted(input), () -> Values.parseString(input));
            }
        }

        private static final long DAY = 86_400_000L;

        private Object[] sampleValues() {
            Schema structSchema = SchemaBuilder.struct().field("a", Schema.INT32_SCHEMA)
                    .field("b", Schema.OPTIONAL_STRING_SCHEMA).build();
            Struct struct = new Struct(structSchema).put("a", 5).put("b", "x\"y");
            return new Object[]{
                null, true, false, (byte) 1, (byte) -128, (short) 300, (short) -1, 70000, 0, -1, Integer.MAX_VALUE,
                3000000000L, Long.MIN_VALUE, 1.5f, -2.75f, 1e300, 2.5d, -0.0d, Double.NaN, Float.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY, 1e20, "1", "-1", "+7", "true", "false", "TRUE", "abc", "1.5", "300",
                "70000", "3000000000", "  12 ", "[1,2]", "{\"a\":1}", "2019-01-01", "12:34:56.789Z",
                "2019-01-01T12:34:56.789Z", "9223372036854775808", "1e400", "1e2", "0x10", "", " ", "null", "NaN",
                "[]", "{}", "[true]", new BigDecimal("12.345"), new BigDecimal("1E+400"), new BigDecimal("-0.5"),
                new byte[]{1, 2}, ByteBuffer.wrap(new byte[]{0, 1}), new byte[0], List.of(1, 2),
                new ArrayList<>(List.of("a")), Map.of("a", 1), new LinkedHashMap<>(Map.of(1, "x")), struct,
                new java.util.Date(45_296_789L), new java.util.Date(1_546_300_800_000L),
                new java.util.Date(1_546_346_096_789L), new java.util.Date(-5000L), new java.util.Date(0L),
                new java.util.Date(DAY), new java.util.Date(-DAY), 'c', new BigInteger("5"), new AtomicInteger(3),
            };
        }

        private Schema[] sourceSchemas() {
            return new Schema[]{
                null, Schema.INT32_SCHEMA, Schema.OPTIONAL_INT64_SCHEMA, Schema.STRING_SCHEMA, Schema.BOOLEAN_SCHEMA,
                Date.SCHEMA, Time.SCHEMA, Timestamp.SCHEMA, Decimal.schema(2),
            };
        }

        private void convertPrimitives() {
            Map<String, Conversion> conversions = new LinkedHashMap<>();
            conversions.put("boolean", Values::convertToBoolean);
            conversions.put("byte", Values::convertToByte);
            conversions.put("short", Values::convertToShort);
            conversions.put("integer", Values::convertToInteger);
            conversions.put("long", Values::convertToLong);
            conversions.put("float", Values::convertToFloat);
            conversions.put("double", Values::convertToDouble);
            conversions.put("string", Values::convertToString);
            convertAll(conversions);
        }

        private void convertContainers() {
            Map<String, Conversion> conversions = new LinkedHashMap<>();
            conversions.put("list", Values::convertToList);
            conversions.put("map", Values::convertToMap);
            conversions.put("struct", Values::convertToStruct);
            convertAll(conversions);
        }

        private void convertLogical() {
            Map<String, Conversion> conversions = new LinkedHashMap<>();
            conversions.put("time", Values::convertToTime);
            conversions.put("date", Values::convertToDate);
            conversions.put("timestamp", Values::convertToTimestamp);
            conversions.put("decimal(2)", (schema, value) -> Values.convertToDecimal(schema, value, 2));
            conversions.put("decimal(0)", (schema, value) -> Values.convertToDecimal(schema, value, 0));
            convertAll(conversions);
        }

        private void convertAll(Map<String, Conversion> conversions) {
            for (Map.Entry<String, Conversion> conversion : conversions.entrySet()) {
                for (Schema schema : sourceSchemas()) {
                    for (Object value : sampleValues()) {
                        record(conversion.getKey() + " from " + schema(schema) + " of " + value(value),
                            () -> conversion.getValue().convert(schema, value));
                    }
                }
            }
        }

        private void convertTo() {
            Schema structSchema = SchemaBuilder.struct().field("a", Schema.INT32_SCHEMA).build();
            Schema[] targets = {
                Schema.BYTES_SCHEMA, Schema.OPTIONAL_BYTES_SCHEMA, Schema.INT8_SCHEMA, Schema.OPTIONAL_INT8_SCHEMA,
                Schema.INT16_SCHEMA, Schema.INT32_SCHEMA, Schema.INT64_SCHEMA, Schema.FLOAT32_SCHEMA,
                Schema.FLOAT64_SCHEMA, Schema.BOOLEAN_SCHEMA, Schema.STRING_SCHEMA, Schema.OPTIONAL_STRING_SCHEMA,
                SchemaBuilder.array(Schema.INT32_SCHEMA).build(), SchemaBuilder.array(Schema.STRING_SCHEMA).optional().build(),
                SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.INT32_SCHEMA).build(), structSchema,
                SchemaBuilder.struct().optional().build(), Time.SCHEMA, Date.SCHEMA, Timestamp.SCHEMA,
                Time.builder().optional().build(), Date.builder().optional().build(), Timestamp.builder().optional().build(),
                Decimal.schema(3), Decimal.builder(1).optional().build(),
                SchemaBuilder.int32().name("custom.Name").build(), SchemaBuilder.bytes().name("custom.Bytes").build(),
            };
            Object[] values = {
                null, "abc", "5", "", new byte[]{1, 2}, ByteBuffer.wrap(new byte[]{3}), new BigDecimal("1.5"), 5,
                (byte) 7, 5_000_000_000L, List.of(1, 2), List.of("1", "x"), Map.of("a", 1), new Struct(structSchema).put("a", 5),
                new Struct(SchemaBuilder.struct().build()), "[1,2]", "{\"a\":1}", 1.5f, true, new java.util.Date(5),
                new java.util.Date(DAY * 3), "2019-01-01", "12:34:56.789Z", "2019-01-01T12:34:56.789Z",
            };
            Schema[] sources = {null, Schema.STRING_SCHEMA, Timestamp.SCHEMA, Date.SCHEMA, Time.SCHEMA};
            for (Schema target : targets) {
                for (Schema source : sources) {
                    for (Object value : values) {
                        record("convertTo " + schema(target) + " from " + schema(source) + " of " + value(value),
                            () -> Values.convertTo(target, source, value));
                    }
                }
            }
        }

        private void render() {
            Schema inner = SchemaBuilder.struct().field("x", Schema.OPTIONAL_INT8_SCHEMA)
                    .field("y", SchemaBuilder.string().optional().defaultValue("dflt").build()).build();
            Schema outer = SchemaBuilder.struct().field("name", Schema.STRING_SCHEMA).field("inner", inner)
                    .field("list", SchemaBuilder.array(Schema.INT32_SCHEMA).build())
                    .field("map", SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.OPTIONAL_STRING_SCHEMA).build())
                    .field("bytes", Schema.OPTIONAL_BYTES_SCHEMA)
                    .field("when", Timestamp.builder().optional().build()).build();
            Struct innerValue = new Struct(inner).put("x", (byte) 3);
            Map<String, String> map = new LinkedHashMap<>();
            map.put("k\"1", "v\\1");
            map.put("k2", null);
            Struct outerValue = new Struct(outer).put("name", "n\"a\\me").put("inner", innerValue)
                    .put("list", List.of(1, 2)).put("map", map).put("bytes", new byte[]{(byte) 0xff, 0})
                    .put("when", new java.util.Date(1_546_346_096_789L));
            Map<Object, Object> mixed = new LinkedHashMap<>();
            mixed.put(1, List.of("a", "b"));
            mixed.put("s", Map.of("n", 1.5));
            mixed.put(null, null);
            mixed.put(true, new java.util.Date(DAY * 2));
            Object[] values = {
                "plain", "with \"quotes\" and \\ backslash", "", "null", List.of(), Map.of(), List.of("a", 1, true),
                Arrays.asList(null, "x"), List.of(List.of(), List.of(List.of("deep"))), mixed, innerValue, outerValue,
                new Struct(SchemaBuilder.struct().build()), new byte[]{1, 2, 3}, ByteBuffer.wrap(new byte[]{9, 8}),
                List.of(new byte[]{1}), List.of(ByteBuffer.wrap(new byte[]{2})), new BigDecimal("1E+3"),
                new BigDecimal("-0.000"), 1.0f, 1e-7, Double.NaN, Long.MIN_VALUE, new java.util.Date(0),
                new java.util.Date(DAY - 1), new java.util.Date(DAY), new java.util.Date(DAY + 1),
                new java.util.Date(-1), new java.util.Date(-DAY), new java.util.Date(-DAY - 1),
                new java.util.Date(1_546_346_096_789L), List.of(new java.util.Date(5)), Map.entry("k", "v"),
                List.of(Map.entry(1, 2)), 'c', List.of('c'), new Object[]{1}, Map.of("k", new Object()),
            };
            for (Object value : values) {
                record("convertToString " + value(value), () -> Values.convertToString(null, value));
            }
            record("convertToString with struct schema", () -> Values.convertToString(outer, outerValue));
        }

        private void infer() {
            Struct struct = new Struct(SchemaBuilder.struct().field("a", Schema.INT32_SCHEMA).build()).put("a", 5);
            Object[] values = {
                null, "s", true, (byte) 1, (short) 1, 1, 1L, 1f, 1d, new byte[0], ByteBuffer.allocate(0), List.of(),
                List.of(1, 2), List.of(1, "a"), Arrays.asList(1, null), Arrays.asList(null, 1L),
                Collections.singletonList(null), List.of(List.of(1)), List.of(Map.of("a", 1)), List.of(struct),
                Map.of(), Map.of("a", 1), Map.of("a", "b"), Map.of(1, List.of(1)), new HashMap<>(Map.of("a", List.of())),
                mapOf("a", null), mapOf(null, 1), new BigDecimal("1.25"), new java.util.Date(0), 'c',
                new BigInteger("1"), struct, List.of(new BigDecimal("1.5")), List.of(1, 2L), List.of(new java.util.Date(0)),
                List.of(new byte[0], ByteBuffer.allocate(1)), List.of(List.of(), List.of("x")),
            };
            for (Object value : values) {
                record("inferSchema " + value(value), () -> Values.inferSchema(value));
            }
            Object[][] sequences = {
                {}, {null}, {null, 1}, {1, null}, {1, "a"}, {1, 1L}, {'c'}, {List.of(1)}, {List.of()}, {struct},
                {new BigDecimal("1.5")}, {1, 2, 3}, {"a", null, "b"}, {Map.of()}, {new byte[0], ByteBuffer.allocate(0)},
            };
            for (Object[] sequence : sequences) {
                record("SchemaDetector " + Arrays.deepToString(sequence), () -> {
                    Values.SchemaDetector detector = new Values.SchemaDetector();
                    StringBuilder answers = new StringBuilder();
                    for (Object element : sequence) {
                        answers.append(detector.canDetect(element)).append(' ');
                    }
                    Object schema;
                    try {
                        schema = canonical(detector.schema());
                    } catch (RuntimeException e) {
                        schema = failure(e);
                    }
                    return answers + "-> " + schema;
                });
            }
        }

        private void parser() {
            String[] inputs = {
                "", "abc", " a , b ", "[1,2]", "{\"a\":\"b\\\"c\"}", "a\\,b", "a\\\\,b", "  ", "x:y", "\\", "\\\\:",
                "12:34:56.789Z", "a\\\"b\"c", "::", "[ ]", "\t{\n}", "a\\", "\\[x]",
            };
            for (String input : inputs) {
                record("tokens " + quoted(input), () -> {
                    Values.Parser parser = new Values.Parser(input);
                    StringBuilder sb = new StringBuilder();
                    while (parser.hasNext()) {
                        int mark = parser.mark();
                        String token = parser.next();
                        sb.append(mark).append('/').append(parser.position()).append('<').append(token)
                                .append(">prev=").append(parser.previous()).append(' ');
                    }
                    return sb.append("original=").append(parser.original()).toString();
                });
            }
            record("canConsume sequence", () -> {
                Values.Parser parser = new Values.Parser(" a , b ");
                StringBuilder sb = new StringBuilder(parser.previous() + " " + parser.position() + " " + parser.mark());
                sb.append(step(parser, parser.canConsume("a")));
                sb.append(step(parser, parser.canConsume("b")));
                sb.append(step(parser, parser.canConsume(",", false)));
                sb.append(step(parser, parser.canConsume(",")));
                sb.append(step(parser, parser.canConsume("b", false)));
                sb.append(step(parser, parser.canConsume(" b ", false)));
                sb.append(step(parser, parser.canConsume("x")));
                return sb.toString();
            });
            record("next(n)", () -> {
                Values.Parser parser = new Values.Parser("12:34:56.789Z rest");
                StringBuilder sb = new StringBuilder();
                sb.append(parser.next(3)).append(step(parser, true));
                sb.append(parser.next(5)).append(step(parser, true));
                sb.append(parser.next(1)).append(step(parser, true));
                sb.append(parser.next(0)).append(step(parser, true));
                sb.append(parser.next(2)).append(step(parser, true));
                return sb.toString();
            });
            record("next(n) after peek", () -> {
                Values.Parser parser = new Values.Parser("a,b,c");
                StringBuilder sb = new StringBuilder();
                sb.append(parser.canConsume("x")).append(step(parser, true));
                sb.append(parser.next(0)).append(step(parser, true));
                sb.append(parser.next(2)).append(step(parser, true));
                parser.rewindTo(0);
                sb.append(step(parser, true)).append(parser.next());
                parser.rewindTo(3);
                sb.append(step(parser, true)).append(parser.next());
                return sb.toString();
            });
            record("whitespace skipping", () -> {
                Values.Parser parser = new Values.Parser("  ,a");
                StringBuilder sb = new StringBuilder();
                sb.append(parser.canConsume(",")).append(step(parser, true)).append(parser.next());
                parser = new Values.Parser("  ");
                sb.append(parser.canConsume("")).append(step(parser, true));
                parser = new Values.Parser(" \t ");
                sb.append(parser.canConsume("x")).append(step(parser, true)).append(parser.next());
                return sb.toString();
            });
            record("reading past the end", () -> {
                Values.Parser parser = new Values.Parser("ab");
                StringBuilder sb = new StringBuilder(parser.next());
                sb.append('[').append(parser.next()).append(']').append(step(parser, parser.hasNext()));
                sb.append(step(parser, parser.canConsume("ab")));
                return sb.toString();
            });
        }

        private static String step(Values.Parser parser, boolean result) {
            return " | " + result + " pos=" + parser.position() + " mark=" + parser.mark() + " prev=" + parser.previous()
                    + " has=" + parser.hasNext();
        }

        private void helpers() {
            for (String text : new String[]{"", "a", "a\"b", "a\\b", "\\\"", "a\nb", "x\\\\y", "\"\"", "\\"}) {
                record("escape " + quoted(text), () -> Values.escape(text));
            }
            Object[][] appends = {
                {"a\"b", true}, {"a\"b", false}, {null, true}, {null, false}, {new byte[]{1}, true},
                {new byte[]{1}, false}, {List.of("x", 1), false}, {Map.of("k", "v"), true},
                {new java.util.Date(DAY * 3), true}, {Map.entry("k", 2), false}, {Map.entry(List.of(1), "v"), true},
                {'c', true},
            };
            for (Object[] append : appends) {
                record("append " + value(append[0]) + " embedded=" + append[1], () -> {
                    StringBuilder sb = new StringBuilder(">");
                    Values.append(sb, append[0], (Boolean) append[1]);
                    return sb.toString();
                });
            }
            record("appendIterable", () -> {
                StringBuilder sb = new StringBuilder();
                Values.appendIterable(sb, List.of("a", 1, List.of(), Map.of()).iterator());
                Values.appendIterable(sb, Collections.emptyIterator());
                return sb.toString();
            });
            Schema intArray = SchemaBuilder.array(Schema.INT32_SCHEMA).build();
            Schema intToString = SchemaBuilder.map(Schema.INT32_SCHEMA, Schema.STRING_SCHEMA).build();
            record("alignList", () -> Values.alignListEntriesWithSchema(intArray,
                    new ArrayList<>(List.of((byte) 1, "2", 3.5f))));
            record("alignList nulls", () -> Values.alignListEntriesWithSchema(
                    SchemaBuilder.array(Schema.OPTIONAL_INT32_SCHEMA).build(), new ArrayList<>(Arrays.asList((byte) 1, null))));
            record("alignList null into required", () -> Values.alignListEntriesWithSchema(intArray,
                    new ArrayList<>(Arrays.asList((byte) 1, null))));
            record("alignList copies", () -> {
                List<Object> list = new ArrayList<>(List.of(1));
                return Values.alignListEntriesWithSchema(intArray, list) == list;
            });
            record("alignMapKeysAndValues", () -> Values.alignMapKeysAndValuesWithSchema(intToString,
                    new LinkedHashMap<>(Map.of("1", 2))));
            record("alignMapKeys", () -> Values.alignMapKeysWithSchema(intToString, new LinkedHashMap<>(Map.of("1", 2))));
            record("alignMapKeys hashmap", () -> Values.alignMapKeysWithSchema(intToString, new HashMap<>(Map.of("1", 2))));
            record("alignMapKeys bad key", () -> Values.alignMapKeysWithSchema(intToString, new HashMap<>(Map.of("x", 2))));
            Object[] numbers = {"12", "x", true, 3.9, new java.util.Date(DAY), null};
            Schema[] schemas = {null, Schema.INT8_SCHEMA, Date.SCHEMA, Time.SCHEMA, Timestamp.SCHEMA};
            for (Object number : numbers) {
                for (Schema schema : schemas) {
                    for (Throwable cause : new Throwable[]{null, new IllegalStateException("given")}) {
                        String label = value(number) + " " + schema(schema) + " cause=" + cause;
                        record("asLong " + label, () -> Values.asLong(number, schema, cause));
                        record("asDouble " + label, () -> Values.asDouble(number, schema, cause));
                    }
                }
            }
            for (long millis : new long[]{0, 1, DAY - 1, DAY, DAY + 1, -1, -DAY, -DAY - 1, 2 * DAY, 1_546_346_096_789L,
                Long.MIN_VALUE, Long.MAX_VALUE}) {
                record("dateFormatFor " + millis, () -> {
                    java.util.Date date = new java.util.Date(millis);
                    DateFormat format = Values.dateFormatFor(date);
                    return ((SimpleDateFormat) format).toPattern() + " " + format.getTimeZone().getID() + " "
                            + format.format(date) + " lenient=" + format.isLenient();
                });
            }
        }

        private void roundTrip() {
            Object[] values = {
                List.of(1, 2, 3), List.of("a", "b"), Map.of("k", List.of(1.5f)), List.of(Map.of(1, true)),
                List.of(new java.util.Date(DAY * 100)), List.of(new java.util.Date(1234)),
                List.of(new java.util.Date(1_546_346_096_789L)), "text", 1e300, List.of("with \"quote\""),
                List.of("back\\slash"), List.of(new BigDecimal("1E+500")), Map.of("", ""), List.of(List.of()),
                List.of(new byte[]{1, 2}), Arrays.asList(null, null),
            };
            for (Object value : values) {
                record("roundTrip " + value(value), () -> Values.parseString(Values.convertToString(null, value)));
            }
        }

        private interface Conversion {
            Object convert(Schema schema, Object value) throws Exception;
        }

        private interface Action {
            Object call() throws Exception;
        }

        private void record(String label, Action action) {
            String result;
            try {
                result = canonical(action.call());
            } catch (Throwable t) {
                result = failure(t);
            }
            out.add(label + " -> " + result);
        }

        private static Map<Object, Object> mapOf(Object key, Object value) {
            Map<Object, Object> map = new HashMap<>();
            map.put(key, value);
            return map;
        }

        /** Connect exceptions are compared by message too; JDK ones (NPE details vary) by type only. */
        private static String failure(Throwable t) {
            String type = t.getClass().getName();
            if (!type.startsWith("org.apache.kafka.connect.")) {
                return "THROW " + t.getClass().getSimpleName();
            }
            String cause = t.getCause() == null ? "" : " caused by " + t.getCause().getClass().getSimpleName();
            return "THROW " + t.getClass().getSimpleName() + ": " + withoutHashes(t.getMessage()) + cause;
        }

        private static String withoutHashes(String text) {
            return text == null ? null : text.replaceAll("@[0-9a-f]+", "@HASH");
        }

        private static String quoted(String text) {
            return "'" + text.replace("\n", "\\n").replace("\t", "\\t") + "'";
        }

        private static String value(Object value) {
            return canonical(value);
        }

        static String canonical(Object value) {
            if (value == null) {
                return "null";
            }
            if (value instanceof SchemaAndValue sav) {
                return "SAV(" + schema(sav.schema()) + " | " + canonical(sav.value()) + ")";
            }
            if (value instanceof Schema schema) {
                return schema(schema);
            }
            if (value instanceof Struct struct) {
                StringBuilder sb = new StringBuilder("Struct(");
                for (Field field : struct.schema().fields()) {
                    sb.append(field.name()).append('=').append(canonical(struct.get(field))).append(' ');
                }
                return sb.append(')').toString();
            }
            if (value instanceof java.util.Date date) {
                return "Date(" + date.getTime() + ")";
            }
            if (value instanceof byte[] bytes) {
                return "bytes" + Arrays.toString(bytes);
            }
            if (value instanceof ByteBuffer buffer) {
                byte[] bytes = new byte[buffer.remaining()];
                buffer.duplicate().get(bytes);
                return "buffer" + Arrays.toString(bytes) + "@" + buffer.position();
            }
            if (value instanceof List<?> list) {
                StringBuilder sb = new StringBuilder(value.getClass().getSimpleName()).append('[');
                for (Object element : list) {
                    sb.append(canonical(element)).append(", ");
                }
                return sb.append(']').toString();
            }
            if (value instanceof Map<?, ?> map) {
                StringBuilder sb = new StringBuilder(value.getClass().getSimpleName()).append('{');
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    sb.append(canonical(entry.getKey())).append('=').append(canonical(entry.getValue())).append(", ");
                }
                return sb.append('}').toString();
            }
            if (value instanceof Object[] array) {
                return "array" + Arrays.deepToString(array);
            }
            if (value.getClass().getName().startsWith("java.lang.Object")) {
                return "Object";
            }
            return value.getClass().getSimpleName() + "(" + value + ")";
        }

        static String schema(Schema schema) {
            if (schema == null) {
                return "noschema";
            }
            StringBuilder sb = new StringBuilder(schema.getClass().getSimpleName()).append(':').append(schema.type());
            if (schema.name() != null) {
                sb.append('/').append(schema.name());
            }
            if (schema.isOptional()) {
                sb.append('?');
            }
            if (schema.version() != null) {
                sb.append(" v").append(schema.version());
            }
            if (schema.doc() != null) {
                sb.append(" doc=").append(schema.doc());
            }
            if (schema.parameters() != null) {
                sb.append(new TreeMap<>(schema.parameters()));
            }
            if (schema.defaultValue() != null) {
                sb.append(" default=").append(canonical(schema.defaultValue()));
            }
            switch (schema.type()) {
                case ARRAY -> sb.append('<').append(schema(schema.valueSchema())).append('>');
                case MAP -> sb.append('<').append(schema(schema.keySchema())).append(',')
                        .append(schema(schema.valueSchema())).append('>');
                case STRUCT -> {
                    sb.append('{');
                    for (Field field : schema.fields()) {
                        sb.append(field.name()).append(':').append(schema(field.schema())).append(' ');
                    }
                    sb.append('}');
                }
                default -> {
                }
            }
            return sb.toString();
        }
    }
}
