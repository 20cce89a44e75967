package io.tributary.connect.transforms.diff;

import java.lang.reflect.Constructor;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.header.Header;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * Rebuilds our schemas, values and records as objects of the reference world, through its public
 * API only, so both implementations see equal inputs.
 */
final class ToReference {

    private final ClassLoader loader;
    private final Map<Schema, Object> schemas = new IdentityHashMap<>();

    ToReference(ClassLoader loader) {
        this.loader = loader;
    }

    Object record(ConnectRecord<?> record) {
        Object headers = headers(record);
        try {
            if (record instanceof SinkRecord sink) {
                Constructor<?> constructor = type("org.apache.kafka.connect.sink.SinkRecord").getConstructor(
                        String.class, int.class, type(SCHEMA), Object.class, type(SCHEMA), Object.class,
                        long.class, Long.class, TimestampType.class, Iterable.class);
                return constructor.newInstance(sink.topic(), sink.kafkaPartition(), schema(sink.keySchema()),
                        value(sink.key()), schema(sink.valueSchema()), value(sink.value()), sink.kafkaOffset(),
                        sink.timestamp(), sink.timestampType(), headers);
            }
            SourceRecord source = (SourceRecord) record;
            Constructor<?> constructor = type("org.apache.kafka.connect.source.SourceRecord").getConstructor(
                    Map.class, Map.class, String.class, Integer.class, type(SCHEMA), Object.class, type(SCHEMA),
                    Object.class, Long.class, Iterable.class);
            return constructor.newInstance(source.sourcePartition(), source.sourceOffset(), source.topic(),
                    source.kafkaPartition(), schema(source.keySchema()), value(source.key()),
                    schema(source.valueSchema()), value(source.value()), source.timestamp(), headers);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private Object headers(ConnectRecord<?> record) {
        try {
            Object headers = type("org.apache.kafka.connect.header.ConnectHeaders").getConstructor().newInstance();
            for (Header header : record.headers()) {
                Reflect.call(headers, "add", header.key(), value(header.value()), schema(header.schema()));
            }
            return headers;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    Object schema(Schema schema) {
        if (schema == null) {
            return null;
        }
        Object known = schemas.get(schema);
        if (known == null) {
            known = buildSchema(schema);
            schemas.put(schema, known);
        }
        return known;
    }

    private Object buildSchema(Schema schema) {
        Class<?> builderType = type("org.apache.kafka.connect.data.SchemaBuilder");
        Object builder = switch (schema.type()) {
            case ARRAY -> Reflect.callStatic(builderType, "array", schema(schema.valueSchema()));
            case MAP -> Reflect.callStatic(builderType, "map", schema(schema.keySchema()), schema(schema.valueSchema()));
            default -> Reflect.callStatic(builderType, "type", schemaType(schema.type()));
        };
        if (schema.type() == Schema.Type.STRUCT) {
            for (Field field : schema.fields()) {
                Reflect.call(builder, "field", field.name(), schema(field.schema()));
            }
        }
        if (schema.name() != null) {
            Reflect.call(builder, "name", schema.name());
        }
        if (schema.version() != null) {
            Reflect.call(builder, "version", schema.version());
        }
        if (schema.doc() != null) {
            Reflect.call(builder, "doc", schema.doc());
        }
        if (schema.parameters() != null) {
            Reflect.call(builder, "parameters", schema.parameters());
        }
        if (schema.isOptional()) {
            Reflect.call(builder, "optional");
        }
        if (schema.defaultValue() != null) {
            Reflect.call(builder, "defaultValue", value(schema.defaultValue()));
        }
        return Reflect.call(builder, "build");
    }

    private Object schemaType(Schema.Type type) {
        return Reflect.callStatic(type("org.apache.kafka.connect.data.Schema$Type"), "valueOf", type.name());
    }

    Object value(Object value) {
        if (value instanceof Struct struct) {
            try {
                Object copy = type("org.apache.kafka.connect.data.Struct").getConstructor(type(SCHEMA))
                        .newInstance(schema(struct.schema()));
                for (Field field : struct.schema().fields()) {
                    Object fieldValue = struct.getWithoutDefault(field.name());
                    if (fieldValue != null) {
                        Reflect.call(copy, "put", field.name(), value(fieldValue));
                    }
                }
                return copy;
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(element -> copy.add(value(element)));
            return copy;
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(value(k), value(v)));
            return copy;
        }
        return value;
    }

    private static final String SCHEMA = "org.apache.kafka.connect.data.Schema";

    private Class<?> type(String name) {
        try {
            return Class.forName(name, true, loader);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
