package org.apache.kafka.connect.transforms;

import java.text.ParseException;
import java.text.SimpleDateFormat;
import java.util.Arrays;
import java.util.Calendar;
import java.util.TimeZone;

import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.DataException;

/**
 * The representations {@link TimestampConverter} reads and writes. Every conversion goes through a
 * {@code java.util.Date} holding the instant.
 */
enum TimestampKind {

    STRING("string") {
        @Override
        java.util.Date toInstant(TimestampConversion conversion, Object value) {
            if (!(value instanceof String text)) {
                throw new DataException("Expected string timestamp to be a String, but found " + value.getClass());
            }
            SimpleDateFormat format = conversion.format();
            try {
                synchronized (format) {
                    return format.parse(text);
                }
            } catch (ParseException e) {
                throw new DataException("Could not parse timestamp: value (" + text + ") does not match pattern ("
                        + format.toPattern() + ")", e);
            }
        }

        @Override
        Schema schema(boolean optional) {
            return optional ? Schema.OPTIONAL_STRING_SCHEMA : Schema.STRING_SCHEMA;
        }

        @Override
        Object fromInstant(TimestampConversion conversion, java.util.Date instant) {
            SimpleDateFormat format = conversion.format();
            synchronized (format) {
                return format.format(instant);
            }
        }
    },

    UNIX("unix") {
        @Override
        java.util.Date toInstant(TimestampConversion conversion, Object value) {
            if (!(value instanceof Long time)) {
                throw new DataException("Expected Unix timestamp to be a Long, but found " + value.getClass());
            }
            return Timestamp.toLogical(Timestamp.SCHEMA, conversion.precision().toMillis(time));
        }

        @Override
        Schema schema(boolean optional) {
            return optional ? Schema.OPTIONAL_INT64_SCHEMA : Schema.INT64_SCHEMA;
        }

        @Override
        Object fromInstant(TimestampConversion conversion, java.util.Date instant) {
            return conversion.precision().fromMillis(Timestamp.fromLogical(Timestamp.SCHEMA, instant));
        }
    },

    DATE("Date") {
        @Override
        java.util.Date toInstant(TimestampConversion conversion, Object value) {
            return requireDate(value, "Date");
        }

        @Override
        Schema schema(boolean optional) {
            return optional ? TimestampConverter.OPTIONAL_DATE_SCHEMA : Date.SCHEMA;
        }

        @Override
        Object fromInstant(TimestampConversion conversion, java.util.Date instant) {
            Calendar calendar = utcCalendar(instant.getTime());
            calendar.set(Calendar.HOUR_OF_DAY, 0);
            calendar.set(Calendar.MINUTE, 0);
            calendar.set(Calendar.SECOND, 0);
            calendar.set(Calendar.MILLISECOND, 0);
            return calendar.getTime();
        }
    },

    TIME("Time") {
        @Override
        java.util.Date toInstant(TimestampConversion conversion, Object value) {
            return requireDate(value, "Time");
        }

        @Override
        Schema schema(boolean optional) {
            return optional ? TimestampConverter.OPTIONAL_TIME_SCHEMA : Time.SCHEMA;
        }

        @Override
        Object fromInstant(TimestampConversion conversion, java.util.Date instant) {
            Calendar original = utcCalendar(instant.getTime());
            Calendar timeOfDay = utcCalendar(0L);
            for (int part : new int[] {Calendar.HOUR_OF_DAY, Calendar.MINUTE, Calendar.SECOND, Calendar.MILLISECOND}) {
                timeOfDay.set(part, original.get(part));
            }
            return timeOfDay.getTime();
        }
    },

    TIMESTAMP("Timestamp") {
        @Override
        java.util.Date toInstant(TimestampConversion conversion, Object value) {
            return requireDate(value, "Timestamp");
        }

        @Override
        Schema schema(boolean optional) {
            return optional ? TimestampConverter.OPTIONAL_TIMESTAMP_SCHEMA : Timestamp.SCHEMA;
        }

        @Override
        Object fromInstant(TimestampConversion conversion, java.util.Date instant) {
            return instant;
        }
    };

    private static final TimeZone UTC = TimeZone.getTimeZone("UTC");

    private final String configName;

    TimestampKind(String configName) {
        this.configName = configName;
    }

    abstract java.util.Date toInstant(TimestampConversion conversion, Object value);

    abstract Schema schema(boolean optional);

    abstract Object fromInstant(TimestampConversion conversion, java.util.Date instant);

    static String[] configNames() {
        return Arrays.stream(values()).map(kind -> kind.configName).toArray(String[]::new);
    }

    static TimestampKind forConfigName(String name) {
        for (TimestampKind kind : values()) {
            if (kind.configName.equals(name)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("Unknown timestamp type: " + name);
    }

    /** The kind a schema declares: a timestamp logical type by name, else strings and Unix longs by type. */
    static TimestampKind ofSchema(Schema schema) {
        String name = schema.name();
        if (Timestamp.LOGICAL_NAME.equals(name)) {
            return TIMESTAMP;
        }
        if (Date.LOGICAL_NAME.equals(name)) {
            return DATE;
        }
        if (Time.LOGICAL_NAME.equals(name)) {
            return TIME;
        }
        if (schema.type() == Schema.Type.STRING) {
            return STRING;
        }
        if (schema.type() == Schema.Type.INT64) {
            return UNIX;
        }
        throw new ConnectException("Schema " + schema + " does not correspond to a known timestamp type format");
    }

    /** The kind of a schemaless value, from its Java type. */
    static TimestampKind ofValue(Object value) {
        if (value instanceof java.util.Date) {
            return TIMESTAMP;
        }
        if (value instanceof Long) {
            return UNIX;
        }
        if (value instanceof String) {
            return STRING;
        }
        throw new DataException("TimestampConverter does not support " + value.getClass() + " objects as timestamps");
    }

    private static java.util.Date requireDate(Object value, String kindName) {
        if (!(value instanceof java.util.Date date)) {
            throw new DataException("Expected " + kindName + " to be a java.util.Date, but found " + value.getClass());
        }
        return date;
    }

    private static Calendar utcCalendar(long millis) {
        Calendar calendar = Calendar.getInstance(UTC);
        calendar.setTimeInMillis(millis);
        return calendar;
    }
}
