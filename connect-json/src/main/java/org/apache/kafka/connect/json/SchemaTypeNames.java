package org.apache.kafka.connect.json;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.connect.data.Schema;

/** The "type" names of Connect schema types in JSON schemas (e.g. FLOAT32 is "float"). */
final class SchemaTypeNames {

    private static final Map<Schema.Type, String> NAMES = new EnumMap<>(Schema.Type.class);
    private static final Map<String, Schema.Type> TYPES = new HashMap<>();

    static {
        register(Schema.Type.BOOLEAN, "boolean");
        register(Schema.Type.INT8, "int8");
        register(Schema.Type.INT16, "int16");
        register(Schema.Type.INT32, "int32");
        register(Schema.Type.INT64, "int64");
        register(Schema.Type.FLOAT32, "float");
        register(Schema.Type.FLOAT64, "double");
        register(Schema.Type.BYTES, "bytes");
        register(Schema.Type.STRING, "string");
        register(Schema.Type.ARRAY, "array");
        register(Schema.Type.MAP, "map");
        register(Schema.Type.STRUCT, "struct");
    }

    private SchemaTypeNames() {
    }

    private static void register(Schema.Type type, String name) {
        NAMES.put(type, name);
        TYPES.put(name, type);
    }

    static String nameOf(Schema.Type type) {
        return NAMES.get(type);
    }

    /** The type for a JSON type name, or null when the name is unknown. */
    static Schema.Type typeOf(String name) {
        return TYPES.get(name);
    }
}
