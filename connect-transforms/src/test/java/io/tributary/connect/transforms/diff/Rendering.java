package io.tributary.connect.transforms.diff;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Renders schemas, values, records and headers of either world as text that says everything a
 * sink could observe: Java types of values, every schema attribute, null fields as null (not as
 * their default), record metadata and headers in order.
 */
final class Rendering {

    private static final String DATA = "org.apache.kafka.connect.data.";

    private Rendering() {
    }

    static String record(Object record) {
        if (record == null) {
            return "null record";
        }
        StringBuilder text = new StringBuilder(record.getClass().getSimpleName()).append('{');
        text.append("topic=").append(Reflect.call(record, "topic"));
        text.append(", partition=").append(Reflect.call(record, "kafkaPartition"));
        text.append(",\n  keySchema=").append(schema(Reflect.call(record, "keySchema")));
        text.append(",\n  key=").append(value(Reflect.call(record, "key")));
        text.append(",\n  valueSchema=").append(schema(Reflect.call(record, "valueSchema")));
        text.append(",\n  value=").append(value(Reflect.call(record, "value")));
        text.append(",\n  timestamp=").append(Reflect.call(record, "timestamp"));
        if (record.getClass().getSimpleName().equals("SinkRecord")) {
            text.append(", offset=").append(Reflect.call(record, "kafkaOffset"));
            text.append(", timestampType=").append(Reflect.call(record, "timestampType"));
        }
        text.append(",\n  headers=[");
        for (Object header : (Iterable<?>) Reflect.call(record, "headers")) {
            text.append("\n    ").append(Reflect.call(header, "key")).append(": ")
                    .append(schema(Reflect.call(header, "schema"))).append(" = ")
                    .append(value(Reflect.call(header, "value")));
        }
        return text.append("]}").toString();
    }

    static String schema(Object schema) {
        if (schema == null) {
            return "null";
        }
        StringBuilder text = new StringBuilder(String.valueOf(Reflect.call(schema, "type")));
        text.append(schema.getClass().getSimpleName().equals("SchemaBuilder") ? "(builder)" : "");
        appendIfSet(text, "name", Reflect.call(schema, "name"));
        appendIfSet(text, "version", Reflect.call(schema, "version"));
        appendIfSet(text, "doc", Reflect.call(schema, "doc"));
        appendIfSet(text, "params", Reflect.call(schema, "parameters"));
        if ((Boolean) Reflect.call(schema, "isOptional")) {
            text.append(" optional");
        }
        Object defaultValue = Reflect.call(schema, "defaultValue");
        if (defaultValue != null) {
            text.append(" default=").append(value(defaultValue));
        }
        switch (String.valueOf(Reflect.call(schema, "type"))) {
            case "STRUCT" -> {
                text.append(" {");
                for (Object field : (List<?>) Reflect.call(schema, "fields")) {
                    text.append(Reflect.call(field, "name")).append('#').append(Reflect.call(field, "index"))
                            .append(": ").append(schema(Reflect.call(field, "schema"))).append("; ");
                }
                text.append('}');
            }
            case "ARRAY" -> text.append(" of ").append(schema(Reflect.call(schema, "valueSchema")));
            case "MAP" -> text.append(" of ").append(schema(Reflect.call(schema, "keySchema")))
                    .append(" -> ").append(schema(Reflect.call(schema, "valueSchema")));
            default -> { }
        }
        return text.toString();
    }

    private static void appendIfSet(StringBuilder text, String label, Object value) {
        if (value != null) {
            text.append(' ').append(label).append('=').append(value);
        }
    }

    static String value(Object value) {
        if (value == null) {
            return "null";
        }
        if (value.getClass().getName().equals(DATA + "Struct")) {
            StringBuilder text = new StringBuilder("Struct{");
            for (Object field : (List<?>) Reflect.call(Reflect.call(value, "schema"), "fields")) {
                String name = (String) Reflect.call(field, "name");
                text.append(name).append('=').append(value(Reflect.call(value, "getWithoutDefault", name))).append(',');
            }
            return text.append('}').toString();
        }
        if (value instanceof byte[] bytes) {
            return "bytes:" + HexFormat.of().formatHex(bytes);
        }
        if (value instanceof ByteBuffer buffer) {
            byte[] bytes = new byte[buffer.remaining()];
            buffer.duplicate().get(bytes);
            return "ByteBuffer:" + HexFormat.of().formatHex(bytes);
        }
        if (value instanceof java.util.Date date) {
            return "Date:" + date.getTime();
        }
        if (value instanceof BigDecimal decimal) {
            return "BigDecimal:" + decimal.toPlainString() + "/scale=" + decimal.scale();
        }
        if (value instanceof List<?> list) {
            StringBuilder text = new StringBuilder("[");
            list.forEach(element -> text.append(value(element)).append(','));
            return text.append(']').toString();
        }
        if (value instanceof Map<?, ?> map) {
            // Order-insensitive: both sides may use maps of different kinds.
            Map<String, String> sorted = new TreeMap<>();
            map.forEach((k, v) -> sorted.put(value(k), value(v)));
            return "Map" + sorted;
        }
        return value.getClass().getSimpleName() + ":" + value;
    }
}
