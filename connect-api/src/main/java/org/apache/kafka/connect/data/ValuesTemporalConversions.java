package org.apache.kafka.connect.data;

/**
 * Conversions to the Date, Time and Timestamp logical types. Strings are parsed first; a date-like value
 * whose source schema is unknown or already of the target type is passed through unchanged.
 */
final class ValuesTemporalConversions {

    private ValuesTemporalConversions() {
    }

    static java.util.Date toDate(Schema toSchema, Schema fromSchema, Object value) {
        Object source = parsedIfString(value);
        if (source instanceof java.util.Date date) {
            String fromName = fromSchema == null ? null : fromSchema.name();
            if (fromSchema == null || Date.LOGICAL_NAME.equals(fromName)) {
                return date;
            }
            if (Timestamp.LOGICAL_NAME.equals(fromName)) {
                // Whole days since the epoch; the division truncates towards zero.
                return Date.toLogical(toSchema, (int) (date.getTime() / Values.MILLIS_PER_DAY));
            }
        }
        return Date.toLogical(toSchema, (int) Values.asLong(source, fromSchema, null));
    }

    static java.util.Date toTime(Schema toSchema, Schema fromSchema, Object value) {
        Object source = parsedIfString(value);
        if (source instanceof java.util.Date date) {
            String fromName = fromSchema == null ? null : fromSchema.name();
            if (fromSchema == null || Time.LOGICAL_NAME.equals(fromName)) {
                return date;
            }
            if (Timestamp.LOGICAL_NAME.equals(fromName)) {
                // Keep only the time of day (in UTC) of the timestamp.
                return Time.toLogical(toSchema, (int) Math.floorMod(date.getTime(), Values.MILLIS_PER_DAY));
            }
        }
        return Time.toLogical(toSchema, (int) Values.asLong(source, fromSchema, null));
    }

    static java.util.Date toTimestamp(Schema toSchema, Schema fromSchema, Object value) {
        Object source = parsedIfString(value);
        if (source instanceof java.util.Date date) {
            String fromName = fromSchema == null ? null : fromSchema.name();
            if (fromSchema == null || Timestamp.LOGICAL_NAME.equals(fromName)) {
                return date;
            }
            if (Date.LOGICAL_NAME.equals(fromName)) {
                long days = Values.asLong(date, fromSchema, null);
                return Timestamp.toLogical(toSchema, days * Values.MILLIS_PER_DAY);
            }
        }
        return Timestamp.toLogical(toSchema, Values.asLong(source, fromSchema, null));
    }

    private static Object parsedIfString(Object value) {
        return value instanceof String text ? Values.parseString(text).value() : value;
    }
}
