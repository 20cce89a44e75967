package org.apache.kafka.connect.data;

import org.apache.kafka.connect.errors.DataException;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.text.DateFormat;
import java.text.SimpleDateFormat;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts values between the Connect data types, renders them as strings and infers schemas, including
 * for the schemaless string forms produced by {@link #convertToString(Schema, Object)}.
 */
public class Values {

    static final long MILLIS_PER_DAY = 24L * 60 * 60 * 1000;
    static final String ISO_8601_DATE_FORMAT_PATTERN = "yyyy-MM-dd";
    static final String ISO_8601_TIME_FORMAT_PATTERN = "HH:mm:ss.SSS'Z'";
    static final String ISO_8601_TIMESTAMP_FORMAT_PATTERN = ISO_8601_DATE_FORMAT_PATTERN + "'T'" + ISO_8601_TIME_FORMAT_PATTERN;
    static final String NULL_LITERAL = "null";

    // Targets used when a caller asks for a container without naming its element types.
    private static final Schema ANY_ARRAY = SchemaBuilder.array(Schema.STRING_SCHEMA).build();
    private static final Schema ANY_MAP = SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.STRING_SCHEMA).build();
    private static final Schema ANY_STRUCT = SchemaBuilder.struct().build();

    public Values() {
    }

    public static Boolean convertToBoolean(Schema schema, Object value) throws DataException {
        if (value == null) {
            return null;
        }
        if (value instanceof Boolean bool) {
            return bool;
        }
        if (value instanceof String text) {
            Object parsed = parseString(text).value();
            if (parsed instanceof Boolean bool) {
                return bool;
            }
        }
        return asLong(value, schema, null) != 0L;
    }

    public static Byte convertToByte(Schema schema, Object value) throws DataException {
        if (value == null) {
            return null;
        }
        return value instanceof Byte b ? b : (byte) asLong(value, schema, null);
    }

    public static Short convertToShort(Schema schema, Object value) throws DataException {
        if (value == null) {
            return null;
        }
        return value instanceof Short s ? s : (short) asLong(value, schema, null);
    }

    public static Integer convertToInteger(Schema schema, Object value) throws DataException {
        if (value == null) {
            return null;
        }
        return value instanceof Integer i ? i : (int) asLong(value, schema, null);
    }

    public static Long convertToLong(Schema schema, Object value) throws DataException {
        if (value == null) {
            return null;
        }
        return value instanceof Long l ? l : asLong(value, schema, null);
    }

    public static Float convertToFloat(Schema schema, Object value) throws DataException {
        if (value == null) {
            return null;
        }
        return value instanceof Float f ? f : (float) asDouble(value, schema, null);
    }

    public static Double convertToDouble(Schema schema, Object value) throws DataException {
        if (value == null) {
            return null;
        }
        return value instanceof Double d ? d : asDouble(value, schema, null);
    }

    public static String convertToString(Schema schema, Object value) {
        if (value == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        append(sb, value, false);
        return sb.toString();
    }

    public static List<?> convertToList(Schema schema, Object value) {
        return (List<?>) convertTo(ANY_ARRAY, schema, value);
    }

    public static Map<?, ?> convertToMap(Schema schema, Object value) {
        return (Map<?, ?>) convertTo(ANY_MAP, schema, value);
    }

    public static Struct convertToStruct(Schema schema, Object value) {
        return (Struct) convertTo(ANY_STRUCT, schema, value);
    }

    public static java.util.Date convertToTime(Schema schema, Object value) {
        return (java.util.Date) convertTo(Time.SCHEMA, schema, value);
    }

    public static java.util.Date convertToDate(Schema schema, Object value) {
        return (java.util.Date) convertTo(Date.SCHEMA, schema, value);
    }

    public static java.util.Date convertToTimestamp(Schema schema, Object value) {
        return (java.util.Date) convertTo(Timestamp.SCHEMA, schema, value);
    }

    public static BigDecimal convertToDecimal(Schema schema, Object value, int scale) {
        return (BigDecimal) convertTo(Decimal.schema(scale), schema, value);
    }

    public static Schema inferSchema(Object value) {
        if (value instanceof String) {
            return Schema.STRING_SCHEMA;
        }
        if (value instanceof Boolean) {
            return Schema.BOOLEAN_SCHEMA;
        }
        if (value instanceof Byte) {
            return Schema.INT8_SCHEMA;
        }
        if (value instanceof Short) {
            return Schema.INT16_SCHEMA;
        }
        if (value instanceof Integer) {
            return Schema.INT32_SCHEMA;
        }
        if (value instanceof Long) {
            return Schema.INT64_SCHEMA;
        }
        if (value instanceof Float) {
            return Schema.FLOAT32_SCHEMA;
        }
        if (value instanceof Double) {
            return Schema.FLOAT64_SCHEMA;
        }
        if (value instanceof byte[] || value instanceof ByteBuffer) {
            return Schema.BYTES_SCHEMA;
        }
        if (value instanceof List<?> list) {
            return inferArraySchema(list);
        }
        if (value instanceof Map<?, ?> map) {
            return inferMapSchema(map);
        }
        if (value instanceof Struct struct) {
            return struct.schema();
        }
        return null;
    }

    public static SchemaAndValue parseString(String value) {
        if (value == null) {
            return new SchemaAndValue(null, null);
        }
        if (value.isEmpty()) {
            return new SchemaAndValue(Schema.STRING_SCHEMA, value);
        }
        return new ValueStringParser(new Parser(value)).parseTopLevel();
    }

    protected static Object convertTo(Schema toSchema, Schema fromSchema, Object value) throws DataException {
        if (value == null) {
            if (toSchema.isOptional()) {
                return null;
            }
            throw new DataException("Unable to convert a null value to a schema that requires a value");
        }
        return switch (toSchema.type()) {
            case BYTES -> Decimal.LOGICAL_NAME.equals(toSchema.name())
                    ? toDecimal(toSchema, value)
                    : toBytes(toSchema, value);
            case STRING -> convertToString(fromSchema, value);
            case BOOLEAN -> convertToBoolean(fromSchema, value);
            case INT8 -> convertToByte(fromSchema, value);
            case INT16 -> convertToShort(fromSchema, value);
            case INT32 -> {
                if (Date.LOGICAL_NAME.equals(toSchema.name())) {
                    yield ValuesTemporalConversions.toDate(toSchema, fromSchema, value);
                }
                if (Time.LOGICAL_NAME.equals(toSchema.name())) {
                    yield ValuesTemporalConversions.toTime(toSchema, fromSchema, value);
                }
                yield convertToInteger(fromSchema, value);
            }
            case INT64 -> Timestamp.LOGICAL_NAME.equals(toSchema.name())
                    ? ValuesTemporalConversions.toTimestamp(toSchema, fromSchema, value)
                    : convertToLong(fromSchema, value);
            case FLOAT32 -> convertToFloat(fromSchema, value);
            case FLOAT64 -> convertToDouble(fromSchema, value);
            case ARRAY -> toList(toSchema, value);
            case MAP -> toMap(toSchema, value);
            case STRUCT -> toStruct(toSchema, value);
        };
    }

    protected static long asLong(Object value, Schema fromSchema, Throwable error) {
        try {
            if (value instanceof Number number) {
                return number.longValue();
            }
            if (value instanceof String text) {
                return new BigDecimal(text).longValue();
            }
        } catch (NumberFormatException e) {
            error = e;
        }
        if (fromSchema != null && value instanceof java.util.Date date) {
            Long logical = logicalAsLong(fromSchema, date);
            if (logical != null) {
                return logical;
            }
        }
        throw cannotConvert(value, fromSchema, error);
    }

    protected static double asDouble(Object value, Schema fromSchema, Throwable error) {
        try {
            if (value instanceof Number number) {
                return number.doubleValue();
            }
            if (value instanceof String text) {
                return new BigDecimal(text).doubleValue();
            }
        } catch (NumberFormatException e) {
            error = e;
        }
        if (fromSchema != null && value instanceof java.util.Date date) {
            Long logical = logicalAsLong(fromSchema, date);
            if (logical != null) {
                return logical;
            }
        }
        throw cannotConvert(value, fromSchema, error);
    }

    protected static void append(StringBuilder sb, Object value, boolean embedded) {
        if (value == null) {
            sb.append(NULL_LITERAL);
        } else if (value instanceof Number || value instanceof Boolean) {
            sb.append(value);
        } else if (value instanceof String text) {
            appendText(sb, embedded ? escape(text) : text, embedded);
        } else if (value instanceof byte[] bytes) {
            appendText(sb, Base64.getEncoder().encodeToString(bytes), embedded);
        } else if (value instanceof ByteBuffer buffer) {
            appendText(sb, Base64.getEncoder().encodeToString(remainingBytes(buffer)), embedded);
        } else if (value instanceof List<?> list) {
            sb.append('[');
            appendIterable(sb, list.iterator());
            sb.append(']');
        } else if (value instanceof Map<?, ?> map) {
            sb.append('{');
            appendIterable(sb, map.entrySet().iterator());
            sb.append('}');
        } else if (value instanceof Struct struct) {
            appendStruct(sb, struct);
        } else if (value instanceof Map.Entry<?, ?> entry) {
            append(sb, entry.getKey(), true);
            sb.append(':');
            append(sb, entry.getValue(), true);
        } else if (value instanceof java.util.Date date) {
            sb.append(dateFormatFor(date).format(date));
        } else {
            throw new DataException("Failed to serialize unexpected value type " + value.getClass().getName() + ": " + value);
        }
    }

    protected static void appendIterable(StringBuilder sb, Iterator<?> iter) {
        boolean first = true;
        while (iter.hasNext()) {
            if (!first) {
                sb.append(',');
            }
            first = false;
            append(sb, iter.next(), true);
        }
    }

    protected static String escape(String value) {
        StringBuilder escaped = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' || c == '"') {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }

    /** Picks the rendering that loses nothing: a time of day, a whole day, or a full timestamp. */
    public static DateFormat dateFormatFor(java.util.Date value) {
        long millis = value.getTime();
        if (millis < MILLIS_PER_DAY) {
            return new SimpleDateFormat(ISO_8601_TIME_FORMAT_PATTERN);
        }
        if (millis % MILLIS_PER_DAY == 0) {
            return new SimpleDateFormat(ISO_8601_DATE_FORMAT_PATTERN);
        }
        return new SimpleDateFormat(ISO_8601_TIMESTAMP_FORMAT_PATTERN);
    }

    protected static List<Object> alignListEntriesWithSchema(Schema schema, List<Object> input) {
        Schema elementSchema = schema.valueSchema();
        List<Object> aligned = new ArrayList<>(input.size());
        for (Object element : input) {
            aligned.add(convertTo(elementSchema, null, element));
        }
        return aligned;
    }

    protected static Map<Object, Object> alignMapKeysAndValuesWithSchema(Schema mapSchema, Map<Object, Object> input) {
        Schema keySchema = mapSchema.keySchema();
        Schema valueSchema = mapSchema.valueSchema();
        Map<Object, Object> aligned = new LinkedHashMap<>();
        for (Map.Entry<Object, Object> entry : input.entrySet()) {
            aligned.put(convertTo(keySchema, null, entry.getKey()), convertTo(valueSchema, null, entry.getValue()));
        }
        return aligned;
    }

    protected static Map<Object, Object> alignMapKeysWithSchema(Schema mapSchema, Map<Object, Object> input) {
        Schema keySchema = mapSchema.keySchema();
        Map<Object, Object> aligned = new LinkedHashMap<>();
        for (Map.Entry<Object, Object> entry : input.entrySet()) {
            aligned.put(convertTo(keySchema, null, entry.getKey()), entry.getValue());
        }
        return aligned;
    }

    /** Blank in the sense of {@link String#trim()}: empty once control characters and spaces are dropped. */
    static boolean isBlank(String text) {
        return text.trim().isEmpty();
    }

    static DataException cannotConvert(Object value, Schema target, Throwable cause) {
        String targetDescription = target != null ? target.toString() : "a number";
        return new DataException("Unable to convert " + value + " (" + value.getClass() + ") to " + targetDescription, cause);
    }

    static byte[] remainingBytes(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }

    /** The numeric form of a date-like value, when its schema names a temporal logical type. */
    private static Long logicalAsLong(Schema schema, java.util.Date value) {
        String name = schema.name();
        if (Date.LOGICAL_NAME.equals(name)) {
            return (long) Date.fromLogical(schema, value);
        }
        if (Time.LOGICAL_NAME.equals(name)) {
            return (long) Time.fromLogical(schema, value);
        }
        if (Timestamp.LOGICAL_NAME.equals(name)) {
            return Timestamp.fromLogical(schema, value);
        }
        return null;
    }

    private static void appendText(StringBuilder sb, String text, boolean quoted) {
        if (quoted) {
            sb.append('"').append(text).append('"');
        } else {
            sb.append(text);
        }
    }

    private static void appendStruct(StringBuilder sb, Struct struct) {
        sb.append('{');
        boolean first = true;
        for (Field field : struct.schema().fields()) {
            if (!first) {
                sb.append(',');
            }
            first = false;
            append(sb, field.name(), true);
            sb.append(':');
            append(sb, struct.get(field), true);
        }
        sb.append('}');
    }

    private static BigDecimal toDecimal(Schema toSchema, Object value) {
        if (value instanceof ByteBuffer buffer) {
            return Decimal.toLogical(toSchema, remainingBytes(buffer));
        }
        if (value instanceof byte[] bytes) {
            return Decimal.toLogical(toSchema, bytes);
        }
        if (value instanceof BigDecimal decimal) {
            return decimal;
        }
        if (value instanceof Number number) {
            return BigDecimal.valueOf(number.doubleValue());
        }
        if (value instanceof String text) {
            return new BigDecimal(text);
        }
        throw cannotConvert(value, toSchema, null);
    }

    private static byte[] toBytes(Schema toSchema, Object value) {
        if (value instanceof ByteBuffer buffer) {
            return remainingBytes(buffer);
        }
        if (value instanceof byte[] bytes) {
            return bytes;
        }
        if (value instanceof BigDecimal decimal) {
            return Decimal.fromLogical(toSchema, decimal);
        }
        throw cannotConvert(value, toSchema, null);
    }

    private static List<?> toList(Schema toSchema, Object value) {
        Object candidate = value instanceof String text ? parseString(text).value() : value;
        if (candidate instanceof List<?> list) {
            return list;
        }
        throw cannotConvert(candidate, toSchema, null);
    }

    private static Map<?, ?> toMap(Schema toSchema, Object value) {
        Object candidate = value instanceof String text ? parseString(text).value() : value;
        if (candidate instanceof Map<?, ?> map) {
            return map;
        }
        throw cannotConvert(candidate, toSchema, null);
    }

    private static Struct toStruct(Schema toSchema, Object value) {
        if (value instanceof Struct struct) {
            return struct;
        }
        throw cannotConvert(value, toSchema, null);
    }

    private static Schema inferArraySchema(List<?> list) {
        if (list.isEmpty()) {
            return null;
        }
        SchemaDetector detector = new SchemaDetector();
        for (Object element : list) {
            if (!detector.canDetect(element)) {
                return null;
            }
        }
        return SchemaBuilder.array(detector.schema()).build();
    }

    private static Schema inferMapSchema(Map<?, ?> map) {
        if (map.isEmpty()) {
            return null;
        }
        SchemaDetector keys = new SchemaDetector();
        SchemaDetector values = new SchemaDetector();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (!keys.canDetect(entry.getKey()) || !values.canDetect(entry.getValue())) {
                return null;
            }
        }
        return SchemaBuilder.map(keys.schema(), values.schema()).build();
    }

    /**
     * Tracks the single schema type shared by a sequence of values; a null value makes the result optional.
     */
    protected static class SchemaDetector {
        private Schema.Type knownType;
        private boolean sawNull;

        public SchemaDetector() {
        }

        public boolean canDetect(Object value) {
            if (value == null) {
                sawNull = true;
                return true;
            }
            Schema inferred = inferSchema(value);
            if (inferred == null) {
                return false;
            }
            if (knownType == null) {
                knownType = inferred.type();
                return true;
            }
            return knownType == inferred.type();
        }

        public Schema schema() {
            SchemaBuilder builder = SchemaBuilder.type(knownType);
            if (sawNull) {
                builder.optional();
            }
            return builder.build();
        }
    }

    /**
     * Splits a string into tokens: each delimiter character on its own, and the text between delimiters.
     * A backslash escapes the character that follows it, so an escaped delimiter stays inside the text.
     * One token can be peeked at (and then consumed or left for {@link #next()}).
     */
    protected static class Parser {
        private static final String DELIMITERS = "[]{},:\"";

        private final String original;
        private int cursor;
        private String peeked;
        private String previous;

        public Parser(String original) {
            this.original = original;
        }

        public int position() {
            return cursor;
        }

        /** The start of the next unconsumed token, accounting for one that was peeked at. */
        public int mark() {
            return peeked == null ? cursor : cursor - peeked.length();
        }

        public void rewindTo(int position) {
            cursor = position;
            peeked = null;
            previous = null;
        }

        public String original() {
            return original;
        }

        public boolean hasNext() {
            return peeked != null || canConsumeNextToken();
        }

        protected boolean canConsumeNextToken() {
            return cursor < original.length();
        }

        public String next() {
            String token = peeked != null ? peeked : readToken();
            peeked = null;
            previous = token;
            return token;
        }

        /** Consumes n tokens and returns the text they span, or rewinds and returns null if fewer remain. */
        public String next(int n) {
            int start = mark();
            for (int i = 0; i < n; i++) {
                if (!hasNext()) {
                    rewindTo(start);
                    return null;
                }
                next();
            }
            return original.substring(start, position());
        }

        public String previous() {
            return previous;
        }

        public boolean canConsume(String expected) {
            return canConsume(expected, true);
        }

        public boolean canConsume(String expected, boolean ignoreLeadingWhitespace) {
            if (!isNext(expected, ignoreLeadingWhitespace)) {
                return false;
            }
            peeked = null;
            return true;
        }

        protected boolean isNext(String expected, boolean ignoreLeadingWhitespace) {
            if (peeked == null) {
                if (!hasNext()) {
                    return false;
                }
                peeked = readToken();
            }
            if (!ignoreLeadingWhitespace) {
                return peeked.equals(expected);
            }
            while (isBlank(peeked) && canConsumeNextToken()) {
                peeked = readToken();
            }
            return peeked.trim().equals(expected);
        }

        private String readToken() {
            int start = cursor;
            boolean escaped = false;
            while (cursor < original.length()) {
                char c = original.charAt(cursor);
                if (!escaped && DELIMITERS.indexOf(c) >= 0) {
                    if (cursor > start) {
                        return original.substring(start, cursor);
                    }
                    cursor++;
                    return original.substring(start, cursor);
                }
                escaped = c == '\\' && !escaped;
                cursor++;
            }
            return original.substring(start, cursor);
        }
    }
}
