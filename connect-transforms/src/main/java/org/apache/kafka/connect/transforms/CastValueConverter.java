package org.apache.kafka.connect.transforms;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.apache.kafka.connect.data.ConnectSchema;
import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.data.Values;
import org.apache.kafka.connect.errors.DataException;

/**
 * Converts single values for {@link Cast}: numbers narrow or widen like Java casts, booleans
 * become 1 or 0, strings are parsed, and anything becomes a string (bytes as base64, dates in
 * ISO-8601 form). Temporal logical values count as their encoded number (days, millis).
 */
final class CastValueConverter {

    /** Types a value may be cast to, in the order error messages list them. */
    static final List<Schema.Type> OUTPUT_TYPES = List.of(Schema.Type.INT8, Schema.Type.INT16, Schema.Type.INT32,
            Schema.Type.INT64, Schema.Type.FLOAT32, Schema.Type.FLOAT64, Schema.Type.BOOLEAN, Schema.Type.STRING);

    /** Types a value may be cast from: the outputs plus bytes (which can only become a string). */
    static final List<Schema.Type> INPUT_TYPES = List.of(Schema.Type.INT8, Schema.Type.INT16, Schema.Type.INT32,
            Schema.Type.INT64, Schema.Type.FLOAT32, Schema.Type.FLOAT64, Schema.Type.BOOLEAN, Schema.Type.STRING,
            Schema.Type.BYTES);

    private static final Set<Schema.Type> INPUTS = EnumSet.copyOf(INPUT_TYPES);

    private CastValueConverter() {
    }

    private static void requireCastableFrom(Schema.Type type) {
        if (!INPUTS.contains(type)) {
            throw new DataException("Cast cannot convert values of type " + type + "; it converts from "
                    + INPUT_TYPES);
        }
    }

    /** The value converted to the target type; null stays null. */
    static Object convert(Schema schema, Object value, Schema.Type target) {
        if (value == null) {
            return null;
        }
        requireCastableFrom(sourceType(schema, value));
        Object plain = target == Schema.Type.STRING ? value : encodeTemporal(schema, value);
        return switch (target) {
            case INT8 -> toNumber(plain, Number::byteValue, Byte::parseByte, b -> (byte) (b ? 1 : 0));
            case INT16 -> toNumber(plain, Number::shortValue, Short::parseShort, b -> (short) (b ? 1 : 0));
            case INT32 -> toNumber(plain, Number::intValue, Integer::parseInt, b -> b ? 1 : 0);
            case INT64 -> toNumber(plain, Number::longValue, Long::parseLong, b -> b ? 1L : 0L);
            case FLOAT32 -> toNumber(plain, Number::floatValue, Float::parseFloat, b -> b ? 1f : 0f);
            case FLOAT64 -> toNumber(plain, Number::doubleValue, Double::parseDouble, b -> b ? 1d : 0d);
            case BOOLEAN -> toBoolean(plain);
            case STRING -> toText(plain);
            default -> throw new DataException("Cast cannot convert values to " + target);
        };
    }

    private static Schema.Type sourceType(Schema schema, Object value) {
        if (schema != null) {
            return schema.type();
        }
        Schema.Type type = ConnectSchema.schemaType(value.getClass());
        if (type == null) {
            throw new DataException("Cast was given a value of " + value.getClass()
                    + ", which is not a type of Connect's data API");
        }
        return type;
    }

    /** Dates, times and timestamps with a logical schema convert as the number they are stored as. */
    private static Object encodeTemporal(Schema schema, Object value) {
        if (schema == null || schema.name() == null || !(value instanceof java.util.Date date)) {
            return value;
        }
        return switch (schema.name()) {
            case Date.LOGICAL_NAME -> Date.fromLogical(schema, date);
            case Time.LOGICAL_NAME -> Time.fromLogical(schema, date);
            case Timestamp.LOGICAL_NAME -> Timestamp.fromLogical(schema, date);
            default -> value;
        };
    }

    private interface Parser<T> {
        T parse(String text);
    }

    private interface FromBoolean<T> {
        T convert(boolean flag);
    }

    private interface FromNumber<T> {
        T convert(Number number);
    }

    private static <T> T toNumber(Object value, FromNumber<T> fromNumber, Parser<T> parser, FromBoolean<T> fromBoolean) {
        if (value instanceof Number number) {
            return fromNumber.convert(number);
        }
        if (value instanceof Boolean flag) {
            return fromBoolean.convert(flag);
        }
        if (value instanceof String text) {
            try {
                return parser.parse(text);
            } catch (NumberFormatException e) {
                throw new DataException("Value (" + text + ") cannot be parsed as the requested type", e);
            }
        }
        throw unexpected(value);
    }

    private static Boolean toBoolean(Object value) {
        if (value instanceof Number number) {
            return number.longValue() != 0L;
        }
        if (value instanceof Boolean flag) {
            return flag;
        }
        if (value instanceof String text) {
            return Boolean.parseBoolean(text);
        }
        throw unexpected(value);
    }

    private static String toText(Object value) {
        if (value instanceof java.util.Date date) {
            return Values.dateFormatFor(date).format(date);
        }
        if (value instanceof byte[] bytes) {
            return Base64.getEncoder().encodeToString(bytes);
        }
        if (value instanceof ByteBuffer buffer) {
            ByteBuffer copy = buffer.duplicate();
            byte[] bytes = new byte[copy.remaining()];
            copy.get(bytes);
            return Base64.getEncoder().encodeToString(bytes);
        }
        return value.toString();
    }

    private static DataException unexpected(Object value) {
        return new DataException("Cast cannot convert a value of " + value.getClass());
    }
}
