package io.tributary.connect.transforms.probe;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.header.Header;

/**
 * Renders records, schemas, values and config definitions as plain text, so that outputs produced by
 * two copies of the Connect API living in different class loaders can be compared as strings.
 */
final class Render {

    private Render() {
    }

    static String record(ConnectRecord<?> record) {
        return "topic=" + record.topic()
                + " partition=" + record.kafkaPartition()
                + "\n  keySchema=" + schema(record.keySchema())
                + "\n  key=" + value(record.key())
                + "\n  valueSchema=" + schema(record.valueSchema())
                + "\n  value=" + value(record.value())
                + "\n  timestamp=" + record.timestamp()
                + "\n  headers=" + headers(record);
    }

    private static String headers(ConnectRecord<?> record) {
        StringJoiner joiner = new StringJoiner(", ", "[", "]");
        for (Iterator<Header> it = record.headers().iterator(); it.hasNext(); ) {
            Header header = it.next();
            joiner.add(header.key() + ":" + schema(header.schema()) + "=" + value(header.value()));
        }
        return joiner.toString();
    }

    static String schema(Schema schema) {
        if (schema == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder(schema.type().toString());
        out.append(schema.isOptional() ? "?" : "!");
        if (schema.name() != null) {
            out.append(" name=").append(schema.name());
        }
        if (schema.version() != null) {
            out.append(" version=").append(schema.version());
        }
        if (schema.doc() != null) {
            out.append(" doc=").append(schema.doc());
        }
        if (schema.parameters() != null) {
            out.append(" params=").append(new TreeMap<>(schema.parameters()));
        }
        if (schema.defaultValue() != null) {
            out.append(" default=").append(value(schema.defaultValue()));
        }
        switch (schema.type()) {
            case STRUCT -> {
                StringJoiner fields = new StringJoiner(", ", " {", "}");
                for (Field field : schema.fields()) {
                    fields.add(field.index() + ":" + field.name() + ":" + schema(field.schema()));
                }
                out.append(fields);
            }
            case ARRAY -> out.append(" items=").append(schema(schema.valueSchema()));
            case MAP -> out.append(" keys=").append(schema(schema.keySchema()))
                    .append(" values=").append(schema(schema.valueSchema()));
            default -> {
            }
        }
        return "(" + out + ")";
    }

    static String value(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Struct struct) {
            StringJoiner fields = new StringJoiner(", ", "Struct<" + struct.schema().name() + "/"
                    + struct.schema().version() + ">{", "}");
            for (Field field : struct.schema().fields()) {
                fields.add(field.name() + "=" + value(struct.getWithoutDefault(field.name())));
            }
            return fields.toString();
        }
        if (value instanceof Map<?, ?> map) {
            TreeMap<String, String> sorted = new TreeMap<>();
            map.forEach((k, v) -> sorted.put(value(k), value(v)));
            return "Map" + sorted;
        }
        if (value instanceof List<?> list) {
            List<String> items = new ArrayList<>();
            list.forEach(item -> items.add(value(item)));
            return "List" + items;
        }
        if (value instanceof byte[] bytes) {
            return "bytes:" + HexFormat.of().formatHex(bytes);
        }
        if (value instanceof ByteBuffer buffer) {
            byte[] copy = new byte[buffer.remaining()];
            buffer.duplicate().get(copy);
            return "ByteBuffer:" + HexFormat.of().formatHex(copy);
        }
        if (value instanceof java.util.Date date) {
            return value.getClass().getSimpleName() + ":" + date.getTime();
        }
        return value.getClass().getSimpleName() + ":" + value;
    }

    /** Every property of every key except its documentation, which is prose of our own. */
    static String configDef(ConfigDef def) {
        StringJoiner keys = new StringJoiner("\n");
        for (ConfigDef.ConfigKey key : def.configKeys().values()) {
            keys.add(key.name + " type=" + key.type
                    + " default=" + (key.hasDefault() ? String.valueOf(key.defaultValue) : "<none>")
                    + " validator=" + key.validator
                    + " importance=" + key.importance
                    + " group=" + key.group + " order=" + key.orderInGroup + " width=" + key.width
                    + " display=" + key.displayName + " dependents=" + key.dependents
                    + " recommender=" + (key.recommender == null ? "null" : "set")
                    + " internal=" + key.internalConfig);
        }
        return keys.toString();
    }

    static String failure(Throwable e) {
        return "THROWS " + e.getClass().getName() + "\n  message=" + e.getMessage();
    }
}
