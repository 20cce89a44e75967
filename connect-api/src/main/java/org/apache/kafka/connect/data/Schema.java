package org.apache.kafka.connect.data;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Describes the shape of a Connect value: its {@link Type}, whether it may be null, an optional
 * default, a name/version/doc for logical types, free-form parameters, and the nested schemas of
 * arrays, maps and structs.
 */
public interface Schema {

    /** The physical types a Connect value can have. */
    enum Type {
        INT8, INT16, INT32, INT64, FLOAT32, FLOAT64, BOOLEAN, STRING, BYTES, ARRAY, MAP, STRUCT;

        private final String lowerCaseName = name().toLowerCase(Locale.ROOT);

        /** The lower-case name used in serialized schemas, e.g. {@code "int32"}. */
        public String getName() {
            return lowerCaseName;
        }

        /** True for types whose values contain no nested schemas. */
        public boolean isPrimitive() {
            return switch (this) {
                case ARRAY, MAP, STRUCT -> false;
                default -> true;
            };
        }
    }

    Schema INT8_SCHEMA = SchemaBuilder.int8().build();
    Schema INT16_SCHEMA = SchemaBuilder.int16().build();
    Schema INT32_SCHEMA = SchemaBuilder.int32().build();
    Schema INT64_SCHEMA = SchemaBuilder.int64().build();
    Schema FLOAT32_SCHEMA = SchemaBuilder.float32().build();
    Schema FLOAT64_SCHEMA = SchemaBuilder.float64().build();
    Schema BOOLEAN_SCHEMA = SchemaBuilder.bool().build();
    Schema STRING_SCHEMA = SchemaBuilder.string().build();
    Schema BYTES_SCHEMA = SchemaBuilder.bytes().build();

    Schema OPTIONAL_INT8_SCHEMA = SchemaBuilder.int8().optional().build();
    Schema OPTIONAL_INT16_SCHEMA = SchemaBuilder.int16().optional().build();
    Schema OPTIONAL_INT32_SCHEMA = SchemaBuilder.int32().optional().build();
    Schema OPTIONAL_INT64_SCHEMA = SchemaBuilder.int64().optional().build();
    Schema OPTIONAL_FLOAT32_SCHEMA = SchemaBuilder.float32().optional().build();
    Schema OPTIONAL_FLOAT64_SCHEMA = SchemaBuilder.float64().optional().build();
    Schema OPTIONAL_BOOLEAN_SCHEMA = SchemaBuilder.bool().optional().build();
    Schema OPTIONAL_STRING_SCHEMA = SchemaBuilder.string().optional().build();
    Schema OPTIONAL_BYTES_SCHEMA = SchemaBuilder.bytes().optional().build();

    Type type();

    boolean isOptional();

    Object defaultValue();

    String name();

    Integer version();

    String doc();

    Map<String, String> parameters();

    /** The schema of map keys; only meaningful for {@link Type#MAP}. */
    Schema keySchema();

    /** The schema of array elements or map values; only meaningful for ARRAY and MAP. */
    Schema valueSchema();

    /** The fields of a struct, in declaration order; only meaningful for {@link Type#STRUCT}. */
    List<Field> fields();

    Field field(String fieldName);

    /** An immutable view of this schema (a builder returns what it builds). */
    Schema schema();
}
