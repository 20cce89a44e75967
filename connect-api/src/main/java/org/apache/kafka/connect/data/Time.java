package org.apache.kafka.connect.data;

import org.apache.kafka.connect.errors.DataException;

/**
 * Logical type for a time of day: an INT32 schema holding milliseconds since midnight. The
 * corresponding Java value is a {@link java.util.Date} on the Unix epoch day (UTC).
 */
public class Time {
    public static final String LOGICAL_NAME = "org.apache.kafka.connect.data.Time";

    public static final Schema SCHEMA = builder().schema();

    public static SchemaBuilder builder() {
        return SchemaBuilder.int32()
                .name(LOGICAL_NAME)
                .version(1);
    }

    /** Milliseconds since midnight; the value must lie on the epoch day. */
    public static int fromLogical(Schema schema, java.util.Date value) {
        LogicalTypes.requireLogicalName(schema, LOGICAL_NAME, "Time");
        long millis = value.getTime();
        if (!isWithinOneDay(millis)) {
            throw new DataException("Kafka Connect Time type should not have any date fields set to non-zero values.");
        }
        return (int) millis;
    }

    public static java.util.Date toLogical(Schema schema, int value) {
        LogicalTypes.requireLogicalName(schema, LOGICAL_NAME, "Time");
        if (!isWithinOneDay(value)) {
            throw new DataException("Time values must use number of milliseconds greater than 0 and less than "
                    + LogicalTypes.MILLIS_PER_DAY);
        }
        return new java.util.Date(value);
    }

    // Connect accepts the full day inclusive of its upper bound (86400000 ms).
    private static boolean isWithinOneDay(long millis) {
        return millis >= 0 && millis <= LogicalTypes.MILLIS_PER_DAY;
    }
}
