package org.apache.kafka.connect.data;

import org.apache.kafka.connect.errors.DataException;

/**
 * Logical type for a calendar date: an INT32 schema holding the number of days since the Unix
 * epoch. The corresponding Java value is a {@link java.util.Date} at midnight UTC.
 */
public class Date {
    public static final String LOGICAL_NAME = "org.apache.kafka.connect.data.Date";

    public static final Schema SCHEMA = builder().schema();

    public static SchemaBuilder builder() {
        return SchemaBuilder.int32()
                .name(LOGICAL_NAME)
                .version(1);
    }

    /** Days since the epoch; the value must have no time-of-day part (in UTC). */
    public static int fromLogical(Schema schema, java.util.Date value) {
        LogicalTypes.requireLogicalName(schema, LOGICAL_NAME, "Date");
        long millis = value.getTime();
        if (Math.floorMod(millis, LogicalTypes.MILLIS_PER_DAY) != 0) {
            throw new DataException("Kafka Connect Date type should not have any time fields set to non-zero values.");
        }
        return (int) (millis / LogicalTypes.MILLIS_PER_DAY);
    }

    public static java.util.Date toLogical(Schema schema, int value) {
        LogicalTypes.requireLogicalName(schema, LOGICAL_NAME, "Date");
        return new java.util.Date(value * LogicalTypes.MILLIS_PER_DAY);
    }
}
