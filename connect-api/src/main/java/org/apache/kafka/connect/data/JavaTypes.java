package org.apache.kafka.connect.data;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;

/** Which Java classes may carry a value of each schema type or logical type. */
final class JavaTypes {

    private static final Map<Schema.Type, List<Class<?>>> CLASSES_BY_TYPE = Map.ofEntries(
            Map.entry(Schema.Type.INT8, List.of(Byte.class)),
            Map.entry(Schema.Type.INT16, List.of(Short.class)),
            Map.entry(Schema.Type.INT32, List.of(Integer.class)),
            Map.entry(Schema.Type.INT64, List.of(Long.class)),
            Map.entry(Schema.Type.FLOAT32, List.of(Float.class)),
            Map.entry(Schema.Type.FLOAT64, List.of(Double.class)),
            Map.entry(Schema.Type.BOOLEAN, List.of(Boolean.class)),
            Map.entry(Schema.Type.STRING, List.of(String.class)),
            Map.entry(Schema.Type.BYTES, List.of(byte[].class, ByteBuffer.class)),
            Map.entry(Schema.Type.ARRAY, List.of(List.class)),
            Map.entry(Schema.Type.MAP, List.of(Map.class)),
            Map.entry(Schema.Type.STRUCT, List.of(Struct.class)));

    // Logical types replace the physical type's classes: a Date schema holds java.util.Date, not Integer.
    private static final Map<String, List<Class<?>>> CLASSES_BY_LOGICAL_NAME = Map.of(
            Decimal.LOGICAL_NAME, List.of(BigDecimal.class),
            Date.LOGICAL_NAME, List.of(java.util.Date.class),
            Time.LOGICAL_NAME, List.of(java.util.Date.class),
            Timestamp.LOGICAL_NAME, List.of(java.util.Date.class));

    // Checked in order; the first entry whose class is a supertype of the asked class wins.
    private static final List<Map.Entry<Class<?>, Schema.Type>> TYPE_BY_CLASS = List.of(
            Map.entry(Byte.class, Schema.Type.INT8),
            Map.entry(Short.class, Schema.Type.INT16),
            Map.entry(Integer.class, Schema.Type.INT32),
            Map.entry(Long.class, Schema.Type.INT64),
            Map.entry(Float.class, Schema.Type.FLOAT32),
            Map.entry(Double.class, Schema.Type.FLOAT64),
            Map.entry(Boolean.class, Schema.Type.BOOLEAN),
            Map.entry(String.class, Schema.Type.STRING),
            Map.entry(byte[].class, Schema.Type.BYTES),
            Map.entry(ByteBuffer.class, Schema.Type.BYTES),
            Map.entry(List.class, Schema.Type.ARRAY),
            Map.entry(Map.class, Schema.Type.MAP),
            Map.entry(Struct.class, Schema.Type.STRUCT));

    private JavaTypes() {
    }

    /** The classes acceptable for values of the schema, or an empty list if none are known. */
    static List<Class<?>> acceptedClasses(Schema schema) {
        if (schema.name() != null) {
            List<Class<?>> logical = CLASSES_BY_LOGICAL_NAME.get(schema.name());
            if (logical != null) {
                return logical;
            }
        }
        Schema.Type type = schema.type();
        return type == null ? List.of() : CLASSES_BY_TYPE.get(type);
    }

    static Schema.Type schemaTypeOf(Class<?> klass) {
        for (Map.Entry<Class<?>, Schema.Type> entry : TYPE_BY_CLASS) {
            if (entry.getKey().isAssignableFrom(klass)) {
                return entry.getValue();
            }
        }
        return null;
    }
}
