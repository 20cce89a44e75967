package org.apache.kafka.connect.converters;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.storage.Converter;
import org.apache.kafka.connect.storage.HeaderConverter;

/**
 * Drives one converter through a write and a read and describes what happened as text. Loaded twice:
 * normally (our converters) and over Apache's connect-runtime and connect-api jars, so the two
 * descriptions can be compared.
 */
public final class ConverterProbe {

    private static final Map<String, Supplier<SchemaAndValue>> SAMPLES = new LinkedHashMap<>();
    private static final Map<String, byte[]> RAW = new LinkedHashMap<>();

    static {
        SAMPLES.put("null", () -> new SchemaAndValue(null, null));
        SAMPLES.put("null-with-int64-schema", () -> new SchemaAndValue(Schema.OPTIONAL_INT64_SCHEMA, null));
        SAMPLES.put("byte", () -> new SchemaAndValue(Schema.INT8_SCHEMA, (byte) -7));
        SAMPLES.put("short", () -> new SchemaAndValue(Schema.INT16_SCHEMA, (short) -12_345));
        SAMPLES.put("int", () -> new SchemaAndValue(Schema.INT32_SCHEMA, 123_456_789));
        SAMPLES.put("int-schemaless", () -> new SchemaAndValue(null, Integer.MIN_VALUE));
        SAMPLES.put("int-with-string-schema", () -> new SchemaAndValue(Schema.STRING_SCHEMA, 5));
        SAMPLES.put("long", () -> new SchemaAndValue(Schema.INT64_SCHEMA, Long.MAX_VALUE));
        SAMPLES.put("long-schemaless", () -> new SchemaAndValue(null, -1L));
        SAMPLES.put("float", () -> new SchemaAndValue(Schema.FLOAT32_SCHEMA, 3.25f));
        SAMPLES.put("float-nan", () -> new SchemaAndValue(null, Float.NaN));
        SAMPLES.put("double", () -> new SchemaAndValue(Schema.FLOAT64_SCHEMA, -0.1d));
        SAMPLES.put("double-infinity", () -> new SchemaAndValue(null, Double.NEGATIVE_INFINITY));
        SAMPLES.put("boolean-true", () -> new SchemaAndValue(Schema.BOOLEAN_SCHEMA, true));
        SAMPLES.put("boolean-false-schemaless", () -> new SchemaAndValue(null, false));
        SAMPLES.put("boolean-with-int-schema", () -> new SchemaAndValue(Schema.INT32_SCHEMA, true));
        SAMPLES.put("string", () -> new SchemaAndValue(Schema.STRING_SCHEMA, "text"));
        SAMPLES.put("string-schemaless", () -> new SchemaAndValue(null, "12"));
        SAMPLES.put("bytes", () -> new SchemaAndValue(Schema.BYTES_SCHEMA, new byte[] {1, 2, 3}));
        SAMPLES.put("bytes-schemaless", () -> new SchemaAndValue(null, new byte[0]));
        SAMPLES.put("bytes-with-string-schema", () -> new SchemaAndValue(Schema.STRING_SCHEMA, new byte[] {1}));
        SAMPLES.put("byte-buffer", () -> {
            ByteBuffer buffer = ByteBuffer.wrap(new byte[] {9, 8, 7, 6, 5});
            buffer.position(1).limit(4);
            return new SchemaAndValue(Schema.OPTIONAL_BYTES_SCHEMA, buffer);
        });
        SAMPLES.put("struct-schema-null-value", () -> new SchemaAndValue(
                SchemaBuilder.struct().optional().field("a", Schema.INT32_SCHEMA).build(), null));
        SAMPLES.put("list", () -> new SchemaAndValue(null, List.of(1, 2)));

        RAW.put("null", null);
        RAW.put("empty", new byte[0]);
        RAW.put("one", new byte[] {1});
        RAW.put("one-zero", new byte[] {0});
        RAW.put("one-other", new byte[] {2});
        RAW.put("two", new byte[] {(byte) 0xff, 0x10});
        RAW.put("three", new byte[] {1, 2, 3});
        RAW.put("four", new byte[] {0x40, 0x49, 0x0f, (byte) 0xdb});
        RAW.put("eight", new byte[] {0x40, 0x09, 0x21, (byte) 0xfb, 0x54, 0x44, 0x2d, 0x18});
        RAW.put("nine", new byte[9]);
    }

    public static List<String> sampleNames() {
        return List.copyOf(SAMPLES.keySet());
    }

    public static List<String> rawNames() {
        return List.copyOf(RAW.keySet());
    }

    /**
     * @param config the configs, or null to configure with {@code configure(Map.of(), isKey)}
     * @param header whether to use the header converter side
     */
    public String write(String className, Map<String, String> config, boolean isKey, String sample, boolean header) {
        Object converter;
        try {
            converter = configured(className, config, isKey);
        } catch (Throwable e) {
            return "configure " + failure(e);
        }
        SchemaAndValue input = SAMPLES.get(sample).get();
        StringBuilder out = new StringBuilder();
        try {
            byte[] bytes = header
                    ? ((HeaderConverter) converter).fromConnectHeader("topic", "hdr", input.schema(), input.value())
                    : ((Converter) converter).fromConnectData("topic", input.schema(), input.value());
            out.append("bytes=").append(hex(bytes));
            SchemaAndValue back = header
                    ? ((HeaderConverter) converter).toConnectHeader("topic", "hdr", bytes)
                    : ((Converter) converter).toConnectData("topic", bytes);
            out.append(" back=").append(render(back));
        } catch (Throwable e) {
            out.append(failure(e));
        }
        if (input.value() instanceof ByteBuffer buffer) {
            out.append(" bufferPosition=").append(buffer.position()).append(" limit=").append(buffer.limit());
        }
        return out.toString();
    }

    public String read(String className, Map<String, String> config, boolean isKey, String raw, boolean header) {
        Object converter;
        try {
            converter = configured(className, config, isKey);
        } catch (Throwable e) {
            return "configure " + failure(e);
        }
        try {
            byte[] bytes = RAW.get(raw);
            SchemaAndValue back = header
                    ? ((HeaderConverter) converter).toConnectHeader("topic", "hdr", bytes)
                    : ((Converter) converter).toConnectData("topic", bytes);
            return render(back);
        } catch (Throwable e) {
            return failure(e);
        }
    }

    public String describe(String className) {
        try {
            Object converter = Class.forName(className).getConstructor().newInstance();
            return "config=" + ((Converter) converter).config().configKeys()
                    .values().stream().map(key -> key.name + ":" + key.type + ":" + key.validator + ":"
                            + key.importance + ":" + (key.hasDefault() ? key.defaultValue : "<none>"))
                    .toList()
                    + " header.config=" + ((HeaderConverter) converter).config().configKeys().keySet()
                    + " version=" + ((org.apache.kafka.connect.components.Versioned) converter).version();
        } catch (Throwable e) {
            return failure(e);
        }
    }

    private static Object configured(String className, Map<String, String> config, boolean isKey)
            throws ReflectiveOperationException {
        Object converter = Class.forName(className).getConstructor().newInstance();
        if (config == null) {
            ((Converter) converter).configure(Map.of(), isKey);
        } else {
            ((HeaderConverter) converter).configure(config);
        }
        return converter;
    }

    private static String render(SchemaAndValue value) {
        Schema schema = value.schema();
        String schemaText = schema == null ? "null" : schema.type() + (schema.isOptional() ? "?" : "!");
        Object data = value.value();
        String dataText = data instanceof byte[] bytes ? "bytes:" + hex(bytes)
                : data == null ? "null" : data.getClass().getSimpleName() + ":" + data;
        return schemaText + " " + dataText;
    }

    private static String hex(byte[] bytes) {
        return bytes == null ? "null" : HexFormat.of().formatHex(bytes);
    }

    private static String failure(Throwable e) {
        return "THROWS " + e.getClass().getName() + " message=" + e.getMessage();
    }
}
