package org.apache.kafka.connect.data;

import org.apache.kafka.connect.errors.DataException;

import java.util.List;
import java.util.Map;

/**
 * Checks that a Java value conforms to a schema, recursing into arrays, maps and structs.
 * The location text names where a bad value sits, e.g. {@code element of array field: "tags"}.
 */
final class ValueValidator {

    private ValueValidator() {
    }

    static void validate(String fieldName, Schema schema, Object value) {
        String location = fieldName == null ? "value" : "field: \"" + fieldName + "\"";
        validateAt(location, schema, value);
    }

    private static void validateAt(String location, Schema schema, Object value) {
        if (value == null) {
            if (!schema.isOptional()) {
                throw new DataException("Invalid value: null used for required " + location
                        + ", schema type: " + schema.type());
            }
            return;
        }
        if (!isAcceptedClass(schema, value)) {
            String named = schema.name() == null ? "" : "\"" + schema.name() + "\" ";
            throw new DataException("Invalid Java object for schema " + named + "with type " + schema.type()
                    + ": " + value.getClass() + " for " + location);
        }
        switch (schema.type()) {
            case STRUCT -> validateStruct(schema, (Struct) value);
            case ARRAY -> {
                for (Object element : (List<?>) value) {
                    validateAt("element of array " + location, schema.valueSchema(), element);
                }
            }
            case MAP -> {
                for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
                    validateAt("key of map " + location, schema.keySchema(), entry.getKey());
                    validateAt("value of map " + location, schema.valueSchema(), entry.getValue());
                }
            }
            default -> {
                // primitives were fully checked by their class
            }
        }
    }

    private static boolean isAcceptedClass(Schema schema, Object value) {
        for (Class<?> accepted : JavaTypes.acceptedClasses(schema)) {
            if (accepted.isInstance(value)) {
                return true;
            }
        }
        return false;
    }

    private static void validateStruct(Schema schema, Struct struct) {
        if (!struct.schema().equals(schema)) {
            throw new DataException("Struct schemas do not match.");
        }
        struct.validate();
    }
}
