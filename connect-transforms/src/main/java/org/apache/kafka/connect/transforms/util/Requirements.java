package org.apache.kafka.connect.transforms.util;

import java.util.Map;

import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * Checks that transformations run on the kind of data they can handle, failing with a
 * {@link DataException} that names what the data was needed for.
 */
public class Requirements {

    public Requirements() {
    }

    public static void requireSchema(Schema schema, String purpose) {
        if (schema == null) {
            throw new DataException("Schema required for [" + purpose + "]");
        }
    }

    public static Map<String, Object> requireMap(Object value, String purpose) {
        if (!(value instanceof Map)) {
            throw new DataException("Only Map objects supported in absence of schema for [" + purpose
                    + "], found: " + className(value));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) value;
        return map;
    }

    public static Map<String, Object> requireMapOrNull(Object value, String purpose) {
        return value == null ? null : requireMap(value, purpose);
    }

    public static Struct requireStruct(Object value, String purpose) {
        if (!(value instanceof Struct struct)) {
            throw new DataException("Only Struct objects supported for [" + purpose + "], found: "
                    + className(value));
        }
        return struct;
    }

    public static Struct requireStructOrNull(Object value, String purpose) {
        return value == null ? null : requireStruct(value, purpose);
    }

    public static SinkRecord requireSinkRecord(ConnectRecord<?> record, String purpose) {
        if (!(record instanceof SinkRecord sinkRecord)) {
            throw new DataException("Only SinkRecord supported for [" + purpose + "], found: "
                    + className(record));
        }
        return sinkRecord;
    }

    private static String className(Object value) {
        return value == null ? "null" : value.getClass().getName();
    }
}
