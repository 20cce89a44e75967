package org.apache.kafka.connect.json;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * Renders Connect schemas and values as text, reflectively, so that data from our classes and from the
 * reference class loader can be compared. Java types of values are part of the rendering.
 */
final class NeutralForm {

    private NeutralForm() {
    }

    static String schemaAndValue(Object schemaAndValue) {
        if (schemaAndValue == null) {
            return "null SchemaAndValue";
        }
        Object schema = call(schemaAndValue, "schema");
        Object value = call(schemaAndValue, "value");
        return "schema=" + schema(schema) + " value=" + value(value);
    }

    static String schema(Object schema) {
        if (schema == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder("{").append(call(schema, "type"));
        out.append(call(schema, "isOptional").equals(Boolean.TRUE) ? " optional" : " required");
        appendIfSet(out, "name", call(schema, "name"));
        appendIfSet(out, "version", call(schema, "version"));
        appendIfSet(out, "doc", call(schema, "doc"));
        Object parameters = call(schema, "parameters");
        if (parameters != null) {
            out.append(" parameters=").append(new TreeMap<>((Map<?, ?>) parameters));
        }
        Object defaultValue = call(schema, "defaultValue");
        if (defaultValue != null) {
            out.append(" default=").append(value(defaultValue));
        }
        switch (call(schema, "type").toString()) {
            case "ARRAY" -> out.append(" items=").append(schema(call(schema, "valueSchema")));
            case "MAP" -> out.append(" keys=").append(schema(call(schema, "keySchema")))
                    .append(" values=").append(schema(call(schema, "valueSchema")));
            case "STRUCT" -> {
                StringJoiner fields = new StringJoiner(", ", " fields=[", "]");
                for (Object field : (List<?>) call(schema, "fields")) {
                    fields.add(call(field, "index") + ":" + call(field, "name") + "=" + schema(call(field, "schema")));
                }
                out.append(fields);
            }
            default -> { }
        }
        return out.append('}').toString();
    }

    static String value(Object value) {
        if (value == null) {
            return "null";
        }
        if (value.getClass().getName().equals("org.apache.kafka.connect.data.Struct")) {
            return struct(value);
        }
        if (value instanceof byte[] bytes) {
            return "byte[]" + Base64.getEncoder().encodeToString(bytes);
        }
        if (value instanceof ByteBuffer buffer) {
            return "ByteBuffer" + buffer;
        }
        if (value instanceof java.util.Date date) {
            return value.getClass().getName() + "@" + date.getTime();
        }
        if (value instanceof Collection<?> collection) {
            List<String> elements = new ArrayList<>();
            collection.forEach(element -> elements.add(value(element)));
            return value.getClass().getSimpleName() + elements;
        }
        if (value instanceof Map<?, ?> map) {
            StringJoiner entries = new StringJoiner(", ", value.getClass().getSimpleName() + "{", "}");
            map.forEach((k, v) -> entries.add(value(k) + "=" + value(v)));
            return entries.toString();
        }
        return value.getClass().getSimpleName() + ":" + value;
    }

    private static String struct(Object struct) {
        Object schema = call(struct, "schema");
        StringJoiner fields = new StringJoiner(", ", "Struct{", "}");
        for (Object field : (List<?>) call(schema, "fields")) {
            Object name = call(field, "name");
            fields.add(name + "=" + value(call(struct, "getWithoutDefault", name)));
        }
        return fields + " of " + schema(schema);
    }

    private static void appendIfSet(StringBuilder out, String label, Object value) {
        if (value != null) {
            out.append(' ').append(label).append('=').append(value);
        }
    }

    static Object call(Object target, String method, Object... args) {
        try {
            for (Method candidate : target.getClass().getMethods()) {
                if (candidate.getName().equals(method) && candidate.getParameterCount() == args.length
                        && (args.length == 0 || args[0] == null
                            || candidate.getParameterTypes()[0].isInstance(args[0]))) {
                    return candidate.invoke(target, args);
                }
            }
            throw new IllegalArgumentException("No method " + method + " on " + target.getClass());
        } catch (InvocationTargetException e) {
            // Surface what the called method threw, so outcomes compare the real exception classes.
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("Calling " + method + " on " + target.getClass(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Calling " + method + " on " + target.getClass(), e);
        }
    }
}
