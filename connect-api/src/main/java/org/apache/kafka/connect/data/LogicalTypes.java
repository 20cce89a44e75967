package org.apache.kafka.connect.data;

import org.apache.kafka.connect.errors.DataException;

/** Shared checks for the date/time logical types. */
final class LogicalTypes {
    static final long MILLIS_PER_DAY = 24L * 60 * 60 * 1000;

    private LogicalTypes() {
    }

    /** Conversions only make sense for schemas that carry the logical type's name. */
    static void requireLogicalName(Schema schema, String logicalName, String typeName) {
        if (!logicalName.equals(schema.name())) {
            throw new DataException("Requested conversion of " + typeName
                    + " object but the schema does not match.");
        }
    }
}
