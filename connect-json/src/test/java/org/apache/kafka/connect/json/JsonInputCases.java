package org.apache.kafka.connect.json;

import java.util.ArrayList;
import java.util.List;

/** JSON documents fed to both converters' toConnectData; names say what each one exercises. */
final class JsonInputCases {

    record JsonCase(String name, String json) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final String DECIMAL = "\"name\":\"org.apache.kafka.connect.data.Decimal\"";
    private static final String DATE = "\"name\":\"org.apache.kafka.connect.data.Date\"";
    private static final String TIME = "\"name\":\"org.apache.kafka.connect.data.Time\"";
    private static final String TIMESTAMP = "\"name\":\"org.apache.kafka.connect.data.Timestamp\"";

    private final List<JsonCase> cases = new ArrayList<>();

    private JsonInputCases() {
    }

    static List<JsonCase> all() {
        JsonInputCases c = new JsonInputCases();
        c.primitives();
        c.nullsAndDefaults();
        c.logicalTypes();
        c.containers();
        c.schemaMetadata();
        c.schemalessPayloads();
        c.malformedJson();
        c.malformedEnvelopes();
        c.malformedSchemas();
        c.payloadsNotMatchingSchema();
        return c.cases;
    }

    private void add(String name, String json) {
        cases.add(new JsonCase(name, json));
    }

    private void enveloped(String name, String schema, String payload) {
        add(name, "{\"schema\":" + schema + ",\"payload\":" + payload + "}");
    }

    private void primitives() {
        enveloped("int8", "{\"type\":\"int8\",\"optional\":false}", "12");
        enveloped("int8 overflowing", "{\"type\":\"int8\"}", "300");
        enveloped("int16", "{\"type\":\"int16\"}", "-32768");
        enveloped("int32", "{\"type\":\"int32\"}", "2147483647");
        enveloped("int32 from a long", "{\"type\":\"int32\"}", "21474836470");
        enveloped("int64", "{\"type\":\"int64\"}", "9223372036854775807");
        enveloped("int64 from a big integer", "{\"type\":\"int64\"}", "92233720368547758070");
        enveloped("float", "{\"type\":\"float\"}", "1.5");
        enveloped("float from an integer", "{\"type\":\"float\"}", "3");
        enveloped("float out of range", "{\"type\":\"float\"}", "1e40");
        enveloped("double", "{\"type\":\"double\"}", "2.25");
        enveloped("double with exponent", "{\"type\":\"double\"}", "-1.5E-7");
        enveloped("double from NaN string", "{\"type\":\"double\"}", "\"NaN\"");
        enveloped("boolean true", "{\"type\":\"boolean\"}", "true");
        enveloped("boolean false", "{\"type\":\"boolean\"}", "false");
        enveloped("string", "{\"type\":\"string\"}", "\"hello\"");
        enveloped("string with escapes and unicode", "{\"type\":\"string\"}", "\"tab\\t quote\\\" é \\u00e9 😀\"");
        enveloped("empty string", "{\"type\":\"string\"}", "\"\"");
        enveloped("bytes", "{\"type\":\"bytes\"}", "\"AQID\"");
        enveloped("empty bytes", "{\"type\":\"bytes\"}", "\"\"");
    }

    private void nullsAndDefaults() {
        enveloped("optional null", "{\"type\":\"int32\",\"optional\":true}", "null");
        enveloped("required null", "{\"type\":\"int32\",\"optional\":false}", "null");
        enveloped("required null with default", "{\"type\":\"int32\",\"optional\":false,\"default\":7}", "null");
        enveloped("optional null with default", "{\"type\":\"string\",\"optional\":true,\"default\":\"d\"}", "null");
        enveloped("value overrides default", "{\"type\":\"int32\",\"default\":7}", "8");
        enveloped("struct with missing fields and defaults",
                "{\"type\":\"struct\",\"fields\":[{\"type\":\"int32\",\"default\":5,\"field\":\"a\"},"
                        + "{\"type\":\"string\",\"optional\":true,\"field\":\"b\"},"
                        + "{\"type\":\"string\",\"optional\":true,\"default\":\"x\",\"field\":\"c\"}]}",
                "{\"c\":null}");
        enveloped("struct missing required field", "{\"type\":\"struct\",\"fields\":[{\"type\":\"int32\",\"field\":\"a\"}]}",
                "{}");
        enveloped("struct default", "{\"type\":\"struct\",\"fields\":[{\"type\":\"int32\",\"field\":\"a\"}],"
                + "\"optional\":true,\"default\":{\"a\":3}}", "null");
        enveloped("array default", "{\"type\":\"array\",\"items\":{\"type\":\"int32\"},\"default\":[1,2]}", "null");
        enveloped("map default", "{\"type\":\"map\",\"keys\":{\"type\":\"string\"},\"values\":{\"type\":\"int64\"},"
                + "\"default\":{\"k\":1}}", "null");
        enveloped("map default with int keys", "{\"type\":\"map\",\"keys\":{\"type\":\"int32\"},"
                + "\"values\":{\"type\":\"int64\"},\"default\":[[1,2]]}", "null");
        enveloped("bytes default", "{\"type\":\"bytes\",\"default\":\"AQI=\"}", "null");
        enveloped("default null on required schema", "{\"type\":\"int32\",\"default\":null}", "1");
        enveloped("default null on optional schema", "{\"type\":\"int32\",\"optional\":true,\"default\":null}", "1");
        enveloped("default of the wrong JSON type", "{\"type\":\"int32\",\"default\":\"abc\"}", "null");
        enveloped("string default from number", "{\"type\":\"string\",\"default\":5}", "null");
        enveloped("struct default not an object", "{\"type\":\"struct\",\"fields\":[],\"default\":5}", "null");
        enveloped("array elements optional with nulls",
                "{\"type\":\"array\",\"items\":{\"type\":\"int32\",\"optional\":true}}", "[1,null,3]");
        enveloped("array elements required with null", "{\"type\":\"array\",\"items\":{\"type\":\"int32\"}}", "[1,null]");
        enveloped("array elements with default replacing null",
                "{\"type\":\"array\",\"items\":{\"type\":\"int32\",\"default\":9}}", "[1,null]");
        enveloped("map value null with default",
                "{\"type\":\"map\",\"keys\":{\"type\":\"string\"},\"values\":{\"type\":\"int32\",\"default\":9}}",
                "{\"a\":null}");
        enveloped("optional struct null", "{\"type\":\"struct\",\"fields\":[],\"optional\":true}", "null");
        add("JSON null literal", "null");
    }

    private void logicalTypes() {
        String decimal2 = "{\"type\":\"bytes\"," + DECIMAL + ",\"version\":1,\"parameters\":{\"scale\":\"2\"}}";
        enveloped("decimal from base64", decimal2, "\"AIg=\"");
        enveloped("decimal from number", decimal2, "1.36");
        enveloped("decimal from number keeps scale", decimal2, "1.10");
        enveloped("decimal from integer", decimal2, "5");
        enveloped("decimal from exponent number", decimal2, "1E+3");
        enveloped("decimal negative from base64", decimal2, "\"/3g=\"");
        enveloped("decimal from boolean", decimal2, "true");
        enveloped("decimal from invalid base64", decimal2, "\"!!!\"");
        enveloped("decimal without scale parameter", "{\"type\":\"bytes\"," + DECIMAL + "}", "\"AIg=\"");
        enveloped("decimal with non-numeric scale", "{\"type\":\"bytes\"," + DECIMAL
                + ",\"parameters\":{\"scale\":\"x\"}}", "\"AIg=\"");
        enveloped("decimal default base64", "{\"type\":\"bytes\"," + DECIMAL
                + ",\"parameters\":{\"scale\":\"2\"},\"default\":\"AIg=\"}", "null");
        enveloped("decimal default numeric", "{\"type\":\"bytes\"," + DECIMAL
                + ",\"parameters\":{\"scale\":\"2\"},\"default\":1.23}", "null");
        enveloped("decimal name on an int32 schema", "{\"type\":\"int32\"," + DECIMAL
                + ",\"parameters\":{\"scale\":\"2\"}}", "12");
        enveloped("optional decimal null", "{\"type\":\"bytes\",\"optional\":true," + DECIMAL
                + ",\"parameters\":{\"scale\":\"2\"}}", "null");
        enveloped("date", "{\"type\":\"int32\"," + DATE + ",\"version\":1}", "19000");
        enveloped("date negative", "{\"type\":\"int32\"," + DATE + "}", "-1");
        enveloped("date from long", "{\"type\":\"int32\"," + DATE + "}", "5000000000");
        enveloped("date from string", "{\"type\":\"int32\"," + DATE + "}", "\"2020-01-01\"");
        enveloped("date from fraction", "{\"type\":\"int32\"," + DATE + "}", "1.5");
        enveloped("date default", "{\"type\":\"int32\"," + DATE + ",\"default\":10}", "null");
        enveloped("time", "{\"type\":\"int32\"," + TIME + "}", "3600000");
        enveloped("time from string", "{\"type\":\"int32\"," + TIME + "}", "\"noon\"");
        enveloped("timestamp", "{\"type\":\"int64\"," + TIMESTAMP + "}", "1700000000123");
        enveloped("timestamp small int", "{\"type\":\"int64\"," + TIMESTAMP + "}", "5");
        enveloped("timestamp from fraction", "{\"type\":\"int64\"," + TIMESTAMP + "}", "1.5");
        enveloped("timestamp from string", "{\"type\":\"int64\"," + TIMESTAMP + "}", "\"x\"");
        enveloped("timestamp from big integer", "{\"type\":\"int64\"," + TIMESTAMP + "}", "92233720368547758070");
        enveloped("struct of logical fields", "{\"type\":\"struct\",\"fields\":["
                + "{\"type\":\"int32\"," + DATE + ",\"field\":\"d\"},"
                + "{\"type\":\"int64\"," + TIMESTAMP + ",\"field\":\"ts\"},"
                + "{\"type\":\"bytes\"," + DECIMAL + ",\"parameters\":{\"scale\":\"1\"},\"field\":\"dec\"}]}",
                "{\"d\":1,\"ts\":2,\"dec\":\"AQ==\"}");
    }

    private void containers() {
        String person = "{\"type\":\"struct\",\"name\":\"person\",\"fields\":["
                + "{\"type\":\"string\",\"field\":\"name\"},{\"type\":\"int32\",\"optional\":true,\"field\":\"age\"}]}";
        enveloped("struct", person, "{\"name\":\"ann\",\"age\":30}");
        enveloped("struct with extra payload fields", person, "{\"name\":\"ann\",\"zzz\":1}");
        enveloped("struct with duplicate keys", person, "{\"name\":\"a\",\"name\":\"b\"}");
        enveloped("empty struct", "{\"type\":\"struct\",\"fields\":[]}", "{}");
        enveloped("array of structs", "{\"type\":\"array\",\"items\":" + person + "}",
                "[{\"name\":\"a\"},{\"name\":\"b\",\"age\":2}]");
        enveloped("nested struct", "{\"type\":\"struct\",\"fields\":[{\"type\":\"struct\",\"fields\":"
                + "[{\"type\":\"array\",\"items\":{\"type\":\"string\"},\"field\":\"tags\"}],\"field\":\"inner\"}]}",
                "{\"inner\":{\"tags\":[\"x\",\"y\"]}}");
        enveloped("map with string keys", "{\"type\":\"map\",\"keys\":{\"type\":\"string\"},\"values\":{\"type\":\"int32\"}}",
                "{\"b\":2,\"a\":1,\"c\":3}");
        enveloped("map with optional string keys",
                "{\"type\":\"map\",\"keys\":{\"type\":\"string\",\"optional\":true},\"values\":{\"type\":\"int32\"}}",
                "{\"a\":1}");
        enveloped("map with int keys", "{\"type\":\"map\",\"keys\":{\"type\":\"int32\"},\"values\":{\"type\":\"string\"}}",
                "[[2,\"b\"],[1,\"a\"],[3,\"c\"]]");
        enveloped("map with struct keys", "{\"type\":\"map\",\"keys\":" + person + ",\"values\":{\"type\":\"boolean\"}}",
                "[[{\"name\":\"a\"},true]]");
        enveloped("map of structs", "{\"type\":\"map\",\"keys\":{\"type\":\"string\"},\"values\":" + person + "}",
                "{\"k\":{\"name\":\"n\"}}");
        enveloped("map of arrays with long keys",
                "{\"type\":\"map\",\"keys\":{\"type\":\"int64\"},\"values\":{\"type\":\"array\",\"items\":{\"type\":\"double\"}}}",
                "[[1,[1.5,2]],[2,[]]]");
        enveloped("map with int keys given as object",
                "{\"type\":\"map\",\"keys\":{\"type\":\"int32\"},\"values\":{\"type\":\"string\"}}", "{\"1\":\"a\"}");
        enveloped("map with int keys entry not an array",
                "{\"type\":\"map\",\"keys\":{\"type\":\"int32\"},\"values\":{\"type\":\"string\"}}", "[5]");
        enveloped("map with int keys entry of three elements",
                "{\"type\":\"map\",\"keys\":{\"type\":\"int32\"},\"values\":{\"type\":\"string\"}}", "[[1,\"a\",2]]");
        enveloped("map with int keys entry of one element",
                "{\"type\":\"map\",\"keys\":{\"type\":\"int32\"},\"values\":{\"type\":\"string\"}}", "[[1]]");
        enveloped("map with int keys and null key",
                "{\"type\":\"map\",\"keys\":{\"type\":\"int32\",\"optional\":true},\"values\":{\"type\":\"string\"}}",
                "[[null,\"a\"]]");
        enveloped("map with string keys given as array",
                "{\"type\":\"map\",\"keys\":{\"type\":\"string\"},\"values\":{\"type\":\"string\"}}", "[[\"a\",\"b\"]]");
        enveloped("array given an object", "{\"type\":\"array\",\"items\":{\"type\":\"int32\"}}", "{\"a\":1,\"b\":2}");
        enveloped("array given a string", "{\"type\":\"array\",\"items\":{\"type\":\"string\"}}", "\"abc\"");
        enveloped("array given a number", "{\"type\":\"array\",\"items\":{\"type\":\"string\"}}", "5");
        enveloped("struct given an array", person, "[\"ann\"]");
        enveloped("struct given a string", person, "\"ann\"");
        enveloped("struct field of wrong type", person, "{\"name\":5}");
        enveloped("empty array", "{\"type\":\"array\",\"items\":{\"type\":\"int32\"}}", "[]");
        enveloped("empty map", "{\"type\":\"map\",\"keys\":{\"type\":\"string\"},\"values\":{\"type\":\"int32\"}}", "{}");
    }

    private void schemaMetadata() {
        enveloped("schema with name version doc parameters",
                "{\"type\":\"string\",\"optional\":false,\"name\":\"n\",\"version\":3,\"doc\":\"some doc\","
                        + "\"parameters\":{\"b\":\"2\",\"a\":\"1\"}}", "\"x\"");
        enveloped("version not an int", "{\"type\":\"string\",\"version\":\"3\"}", "\"x\"");
        enveloped("version a fraction", "{\"type\":\"string\",\"version\":1.5}", "\"x\"");
        enveloped("version a big integer", "{\"type\":\"string\",\"version\":300000000000000000000}", "\"x\"");
        enveloped("version a long", "{\"type\":\"string\",\"version\":30000000000}", "\"x\"");
        enveloped("optional not a boolean", "{\"type\":\"string\",\"optional\":\"true\"}", "null");
        enveloped("name not textual", "{\"type\":\"string\",\"name\":5}", "\"x\"");
        enveloped("doc not textual", "{\"type\":\"string\",\"doc\":{}}", "\"x\"");
        enveloped("parameters not an object", "{\"type\":\"string\",\"parameters\":[1]}", "\"x\"");
        enveloped("parameters with a non-string value", "{\"type\":\"string\",\"parameters\":{\"a\":1}}", "\"x\"");
        enveloped("unknown schema properties ignored", "{\"type\":\"string\",\"whatever\":1}", "\"x\"");
        enveloped("struct with duplicate field names", "{\"type\":\"struct\",\"fields\":[{\"type\":\"int32\",\"field\":\"a\"},"
                + "{\"type\":\"int32\",\"field\":\"a\"}]}", "{\"a\":1}");
    }

    private void schemalessPayloads() {
        enveloped("null schema with integer", "null", "42");
        enveloped("null schema with big integer", "null", "12345678901234567890123");
        enveloped("null schema with fraction", "null", "1.10");
        enveloped("null schema with exponent", "null", "1e2");
        enveloped("null schema with string", "null", "\"s\"");
        enveloped("null schema with boolean", "null", "false");
        enveloped("null schema with null", "null", "null");
        enveloped("null schema with array", "null", "[1,\"a\",null,[true],{\"k\":2.5}]");
        enveloped("null schema with object", "null", "{\"z\":1,\"a\":{\"b\":[]},\"m\":null}");
        enveloped("null schema with empty object", "null", "{}");
        add("plain integer", "7");
        add("plain string", "\"text\"");
        add("plain array", "[1,2,3]");
        add("plain object", "{\"a\":1,\"b\":\"two\"}");
        add("plain object with schema and payload of other names", "{\"schema\":1,\"other\":2}");
        add("plain empty object", "{}");
        add("plain boolean", "true");
        add("plain negative fraction", "-0.0");
    }

    private void malformedJson() {
        add("empty input", "");
        add("whitespace only", "   ");
        add("unterminated object", "{\"schema\":");
        add("bare word", "nul");
        add("trailing comma", "[1,]");
        add("trailing garbage after envelope", "{\"schema\":null,\"payload\":1} x");
        add("two documents", "{\"schema\":null,\"payload\":1}{}");
        add("single quotes", "{'schema':null,'payload':1}");
        add("unquoted field names", "{schema:null,payload:1}");
        add("comment", "/* c */ 1");
        add("NaN token", "NaN");
        add("leading zeros", "007");
        add("leading zeros negative", "-007");
        add("leading zeros in fraction", "00.5");
        add("leading zeros inside envelope", "{\"schema\":{\"type\":\"int32\"},\"payload\":0012}");
        add("leading plus sign", "+1");
        add("leading decimal point", ".5");
        add("trailing decimal point", "1.");
        add("hexadecimal number", "0x10");
        add("missing array value", "[1,,2]");
        add("line comment", "// c\n1");
        add("yaml comment", "# c\n1");
        add("backslash escaping any character", "\"\\q\"");
        add("Infinity token", "Infinity");
        add("extra closing bracket", "[1]]");
        add("truncated unicode escape", "\"\\u00\"");
        add("control character in string", "\"a\u0001b\"");
        add("invalid UTF-8", new String(new byte[] {'"', (byte) 0xC3, (byte) 0x28, '"'},
                java.nio.charset.StandardCharsets.ISO_8859_1));
    }

    private void malformedEnvelopes() {
        add("envelope missing payload", "{\"schema\":{\"type\":\"int32\"}}");
        add("envelope missing schema", "{\"payload\":1}");
        add("envelope with extra field", "{\"schema\":null,\"payload\":1,\"extra\":true}");
        add("envelope as array", "[{\"schema\":null,\"payload\":1}]");
        add("envelope with schema a string", "{\"schema\":\"int32\",\"payload\":1}");
        add("envelope with schema an array", "{\"schema\":[],\"payload\":1}");
        add("envelope with schema a number", "{\"schema\":5,\"payload\":1}");
        add("envelope with payload first", "{\"payload\":1,\"schema\":{\"type\":\"int32\"}}");
    }

    private void malformedSchemas() {
        enveloped("schema without type", "{\"optional\":true}", "1");
        enveloped("schema with numeric type", "{\"type\":5}", "1");
        enveloped("schema with unknown type", "{\"type\":\"uuid\"}", "1");
        enveloped("schema with Java type name", "{\"type\":\"float64\"}", "1");
        enveloped("schema with upper-case type", "{\"type\":\"INT32\"}", "1");
        enveloped("struct without fields", "{\"type\":\"struct\"}", "{}");
        enveloped("struct with fields not an array", "{\"type\":\"struct\",\"fields\":{}}", "{}");
        enveloped("struct field without name", "{\"type\":\"struct\",\"fields\":[{\"type\":\"int32\"}]}", "{}");
        enveloped("struct field with numeric name", "{\"type\":\"struct\",\"fields\":[{\"type\":\"int32\",\"field\":1}]}",
                "{}");
        enveloped("struct field with unknown type", "{\"type\":\"struct\",\"fields\":[{\"type\":\"x\",\"field\":\"a\"}]}",
                "{}");
        enveloped("struct field not an object", "{\"type\":\"struct\",\"fields\":[5]}", "{}");
        enveloped("array without items", "{\"type\":\"array\"}", "[]");
        enveloped("array with null items", "{\"type\":\"array\",\"items\":null}", "[]");
        enveloped("map without keys", "{\"type\":\"map\",\"values\":{\"type\":\"int32\"}}", "{}");
        enveloped("map without values", "{\"type\":\"map\",\"keys\":{\"type\":\"string\"}}", "{}");
        enveloped("map with null keys schema", "{\"type\":\"map\",\"keys\":null,\"values\":{\"type\":\"int32\"}}", "{}");
    }

    private void payloadsNotMatchingSchema() {
        enveloped("int32 given a string", "{\"type\":\"int32\"}", "\"abc\"");
        enveloped("int32 given a fraction", "{\"type\":\"int32\"}", "1.7");
        enveloped("int32 given a boolean", "{\"type\":\"int32\"}", "true");
        enveloped("int32 given an object", "{\"type\":\"int32\"}", "{}");
        enveloped("int64 given a numeric string", "{\"type\":\"int64\"}", "\"12\"");
        enveloped("string given a number", "{\"type\":\"string\"}", "5");
        enveloped("string given an object", "{\"type\":\"string\"}", "{\"a\":1}");
        enveloped("boolean given a string", "{\"type\":\"boolean\"}", "\"true\"");
        enveloped("boolean given a number", "{\"type\":\"boolean\"}", "1");
        enveloped("double given a string", "{\"type\":\"double\"}", "\"1.5\"");
        enveloped("bytes given a number", "{\"type\":\"bytes\"}", "5");
        enveloped("bytes given invalid base64", "{\"type\":\"bytes\"}", "\"not base64!!\"");
        enveloped("bytes given an array", "{\"type\":\"bytes\"}", "[1,2]");
        enveloped("optional string field given a number",
                "{\"type\":\"struct\",\"fields\":[{\"type\":\"string\",\"optional\":true,\"field\":\"s\"}]}", "{\"s\":5}");
    }
}
