package org.apache.kafka.connect.data;

/**
 * Logical type for an instant: an INT64 schema holding milliseconds since the Unix epoch. The
 * corresponding Java value is a {@link java.util.Date}.
 */
public class Timestamp {
    public static final String LOGICAL_NAME = "org.apache.kafka.connect.data.Timestamp";

    public static final Schema SCHEMA = builder().schema();

    public static SchemaBuilder builder() {
        return SchemaBuilder.int64()
                .name(LOGICAL_NAME)
                .version(1);
    }

    public static long fromLogical(Schema schema, java.util.Date value) {
        LogicalTypes.requireLogicalName(schema, LOGICAL_NAME, "Timestamp");
        return value.getTime();
    }

    public static java.util.Date toLogical(Schema schema, long value) {
        LogicalTypes.requireLogicalName(schema, LOGICAL_NAME, "Timestamp");
        return new java.util.Date(value);
    }
}
