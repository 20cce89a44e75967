package org.apache.kafka.connect.header;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;

import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;

/**
 * Checks that a header value fits its schema. The check is shallow on purpose: only the value's own
 * Java class is compared with the schema's type (or logical type), never list elements or struct fields.
 */
final class HeaderValueCheck {

    private HeaderValueCheck() {
    }

    static void requireCompatible(Object value, Schema schema) {
        if (schema == null) {
            return;
        }
        if (value == null) {
            if (!schema.isOptional()) {
                throw new DataException("A null value requires an optional schema but was " + schema);
            }
            return;
        }
        if (!fitsType(value, schema.type()) && !fitsLogicalType(value, schema.name())) {
            throw new DataException("The value " + value + " is not compatible with the schema " + schema);
        }
    }

    private static boolean fitsType(Object value, Schema.Type type) {
        return switch (type) {
            case INT8 -> value instanceof Byte;
            case INT16 -> value instanceof Short;
            case INT32 -> value instanceof Integer;
            case INT64 -> value instanceof Long;
            case FLOAT32 -> value instanceof Float;
            case FLOAT64 -> value instanceof Double;
            case BOOLEAN -> value instanceof Boolean;
            case STRING -> value instanceof String;
            case BYTES -> value instanceof byte[] || value instanceof ByteBuffer;
            case ARRAY -> value instanceof List;
            case MAP -> value instanceof Map;
            case STRUCT -> value instanceof Struct;
        };
    }

    /** Logical types also accept their Java representation, recognised by schema name whatever the version. */
    private static boolean fitsLogicalType(Object value, String schemaName) {
        if (schemaName == null) {
            return false;
        }
        if (Decimal.LOGICAL_NAME.equals(schemaName)) {
            return value instanceof BigDecimal;
        }
        if (Date.LOGICAL_NAME.equals(schemaName) || Time.LOGICAL_NAME.equals(schemaName)
                || Timestamp.LOGICAL_NAME.equals(schemaName)) {
            return value instanceof java.util.Date;
        }
        return false;
    }
}
