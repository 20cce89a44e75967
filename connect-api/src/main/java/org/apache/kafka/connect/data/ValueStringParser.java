package org.apache.kafka.connect.data;

import org.apache.kafka.connect.errors.DataException;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.text.ParseException;
import java.text.SimpleDateFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the schemaless string form of a value: literals, numbers (in the narrowest fitting type), ISO-8601
 * dates, times and timestamps, and nested arrays and maps. Top-level input that is none of these is a string;
 * inside a container, an unreadable element makes the whole container unreadable.
 */
final class ValueStringParser {

    private static final String QUOTE = "\"";
    private static final String COMMA = ",";
    private static final String COLON = ":";
    private static final String ARRAY_START = "[";
    private static final String ARRAY_END = "]";
    private static final String MAP_START = "{";
    private static final String MAP_END = "}";
    private static final String TRUE_LITERAL = "true";
    private static final String FALSE_LITERAL = "false";

    private static final int DATE_LENGTH = Values.ISO_8601_DATE_FORMAT_PATTERN.length();
    // The quoted 'Z' and 'T' in the patterns are one character each in the text.
    private static final int TIME_LENGTH = "HH:mm:ss.SSSZ".length();
    private static final int TIMESTAMP_LENGTH = "yyyy-MM-ddTHH:mm:ss.SSSZ".length();
    // A time or timestamp is one token up to the first ':' followed by four more: ':', mm, ':', ss.SSSZ.
    private static final int TOKENS_AFTER_HOUR = 4;

    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private final Values.Parser tokens;

    ValueStringParser(Values.Parser tokens) {
        this.tokens = tokens;
    }

    /** Returns null only for the null literal. */
    SchemaAndValue parseTopLevel() {
        return parse(false);
    }

    private SchemaAndValue parse(boolean embedded) {
        if (!tokens.hasNext()) {
            return null;
        }
        if (embedded && tokens.canConsume(QUOTE)) {
            return parseQuotedString();
        }
        if (tokens.canConsume(TRUE_LITERAL)) {
            return literal(new SchemaAndValue(Schema.BOOLEAN_SCHEMA, Boolean.TRUE), embedded);
        }
        if (tokens.canConsume(FALSE_LITERAL)) {
            return literal(new SchemaAndValue(Schema.BOOLEAN_SCHEMA, Boolean.FALSE), embedded);
        }
        if (tokens.canConsume(Values.NULL_LITERAL)) {
            return literal(null, embedded);
        }
        SchemaAndValue container = tryParseContainer();
        if (container != null) {
            return container;
        }
        return parseScalar(embedded);
    }

    /** A top-level literal must be the whole input; otherwise the input is just a string. */
    private SchemaAndValue literal(SchemaAndValue value, boolean embedded) {
        if (embedded || !tokens.hasNext()) {
            return value;
        }
        return wholeInputAsString();
    }

    private SchemaAndValue tryParseContainer() {
        int start = tokens.mark();
        try {
            if (tokens.canConsume(ARRAY_START)) {
                return parseArray();
            }
            if (tokens.canConsume(MAP_START)) {
                return parseMap();
            }
        } catch (DataException e) {
            // Not a well-formed container: read it again as a plain token.
            tokens.rewindTo(start);
        }
        return null;
    }

    private SchemaAndValue parseScalar(boolean embedded) {
        String token = tokens.next();
        if (Values.isBlank(token)) {
            return new SchemaAndValue(Schema.STRING_SCHEMA, token);
        }
        token = token.trim();
        char first = token.charAt(0);
        boolean startsWithDigit = Character.isDigit(first);
        if (startsWithDigit) {
            SchemaAndValue temporal = parseTemporal(token);
            if (temporal != null) {
                return temporal;
            }
        }
        if (startsWithDigit || first == '+' || first == '-') {
            try {
                return parseNumber(new BigDecimal(token));
            } catch (NumberFormatException e) {
                // Not a number either.
            }
        }
        if (embedded) {
            throw new DataException("Failed to parse embedded value '" + token + "' in: " + tokens.original());
        }
        return wholeInputAsString();
    }

    private SchemaAndValue wholeInputAsString() {
        return new SchemaAndValue(Schema.STRING_SCHEMA, tokens.original());
    }

    /** The text up to the closing quote, kept verbatim; it is a date, time or timestamp if it is exactly one. */
    private SchemaAndValue parseQuotedString() {
        StringBuilder content = new StringBuilder();
        while (tokens.hasNext() && !tokens.canConsume(QUOTE)) {
            content.append(tokens.next());
        }
        String text = content.toString();
        SchemaAndValue temporal = exactTemporal(text);
        return temporal != null ? temporal : new SchemaAndValue(Schema.STRING_SCHEMA, text);
    }

    private static SchemaAndValue exactTemporal(String text) {
        if (text.length() == DATE_LENGTH) {
            return dated(Date.SCHEMA, parseDate(Values.ISO_8601_DATE_FORMAT_PATTERN, text));
        }
        if (text.length() == TIME_LENGTH) {
            return dated(Time.SCHEMA, parseDate(Values.ISO_8601_TIME_FORMAT_PATTERN, text));
        }
        if (text.length() == TIMESTAMP_LENGTH) {
            return dated(Timestamp.SCHEMA, parseDate(Values.ISO_8601_TIMESTAMP_FORMAT_PATTERN, text));
        }
        return null;
    }

    private static SchemaAndValue dated(Schema schema, java.util.Date value) {
        return value == null ? null : new SchemaAndValue(schema, value);
    }

    private SchemaAndValue parseArray() {
        List<Object> elements = new ArrayList<>();
        ValuesSchemaMerger elementSchemas = new ValuesSchemaMerger();
        while (tokens.hasNext()) {
            if (tokens.canConsume(ARRAY_END)) {
                return completeArray(elements, elementSchemas);
            }
            if (tokens.canConsume(COMMA)) {
                throw new DataException("Array has an empty element: " + tokens.original());
            }
            SchemaAndValue element = parse(true);
            elementSchemas.merge(element);
            elements.add(element == null ? null : element.value());

            int afterElement = tokens.mark();
            if (tokens.canConsume(ARRAY_END)) {
                tokens.rewindTo(afterElement);
            } else if (!tokens.canConsume(COMMA)) {
                throw new DataException("Array elements must be separated by '" + COMMA + "': " + tokens.original());
            }
        }
        throw new DataException("Array is not terminated by '" + ARRAY_END + "': " + tokens.original());
    }

    private static SchemaAndValue completeArray(List<Object> elements, ValuesSchemaMerger elementSchemas) {
        if (!elementSchemas.hasCommonSchema()) {
            return new SchemaAndValue(new ConnectSchema(Schema.Type.ARRAY), elements);
        }
        Schema arraySchema = SchemaBuilder.array(elementSchemas.schema()).build();
        return new SchemaAndValue(arraySchema, Values.alignListEntriesWithSchema(arraySchema, elements));
    }

    private SchemaAndValue parseMap() {
        Map<Object, Object> entries = new LinkedHashMap<>();
        ValuesSchemaMerger keySchemas = new ValuesSchemaMerger();
        ValuesSchemaMerger valueSchemas = new ValuesSchemaMerger();
        while (tokens.hasNext()) {
            if (tokens.canConsume(MAP_END)) {
                return completeMap(entries, keySchemas, valueSchemas);
            }
            if (tokens.canConsume(COMMA)) {
                throw new DataException("Map has an empty entry: " + tokens.original());
            }
            SchemaAndValue key = parse(true);
            if (key == null || key.value() == null) {
                throw new DataException("Map keys may not be null: " + tokens.original());
            }
            if (!tokens.canConsume(COLON)) {
                throw new DataException("Map entry is missing '" + COLON + "' at " + tokens.position() + " in: " + tokens.original());
            }
            SchemaAndValue value = parse(true);
            entries.put(key.value(), value == null ? null : value.value());
            // Commas between entries are optional.
            tokens.canConsume(COMMA);
            keySchemas.merge(key);
            valueSchemas.merge(value);
        }
        throw new DataException("Map is not terminated by '" + MAP_END + "': " + tokens.original());
    }

    private static SchemaAndValue completeMap(Map<Object, Object> entries, ValuesSchemaMerger keySchemas,
                                              ValuesSchemaMerger valueSchemas) {
        if (!keySchemas.hasCommonSchema()) {
            return new SchemaAndValue(new ConnectSchema(Schema.Type.MAP), entries);
        }
        if (!valueSchemas.hasCommonSchema()) {
            Schema mapSchema = SchemaBuilder.mapWithNullValues(keySchemas.schema());
            return new SchemaAndValue(mapSchema, Values.alignMapKeysWithSchema(mapSchema, entries));
        }
        Schema mapSchema = SchemaBuilder.map(keySchemas.schema(), valueSchemas.schema()).build();
        return new SchemaAndValue(mapSchema, Values.alignMapKeysAndValuesWithSchema(mapSchema, entries));
    }

    /**
     * A date is a single token; a time or timestamp spans the following tokens too, because ':' is a delimiter.
     * Leaves the tokens untouched when the text is not temporal.
     */
    private SchemaAndValue parseTemporal(String token) {
        if (token.length() == DATE_LENGTH) {
            java.util.Date date = parseDate(Values.ISO_8601_DATE_FORMAT_PATTERN, token);
            if (date != null) {
                return new SchemaAndValue(Date.SCHEMA, date);
            }
        }
        int afterToken = tokens.mark();
        String rest = tokens.next(TOKENS_AFTER_HOUR);
        if (rest != null) {
            String candidate = token + rest;
            java.util.Date parsed = null;
            Schema schema = null;
            if (candidate.length() == TIME_LENGTH) {
                parsed = parseDate(Values.ISO_8601_TIME_FORMAT_PATTERN, candidate);
                schema = Time.SCHEMA;
            } else if (candidate.length() == TIMESTAMP_LENGTH) {
                parsed = parseDate(Values.ISO_8601_TIMESTAMP_FORMAT_PATTERN, candidate);
                schema = Timestamp.SCHEMA;
            }
            if (parsed != null) {
                return new SchemaAndValue(schema, parsed);
            }
        }
        tokens.rewindTo(afterToken);
        return null;
    }

    private static java.util.Date parseDate(String pattern, String text) {
        try {
            return new SimpleDateFormat(pattern).parse(text);
        } catch (ParseException e) {
            return null;
        }
    }

    /**
     * Whole numbers take the narrowest integer type that holds them. Other numbers written with a fraction or an
     * exponent become a float, or a double if a float overflows; anything larger is kept as an exact decimal.
     */
    private static SchemaAndValue parseNumber(BigDecimal number) {
        SchemaAndValue integral = asIntegral(number);
        if (integral != null) {
            return integral;
        }
        if (number.scale() != 0) {
            float asFloat = number.floatValue();
            if (Float.isFinite(asFloat)) {
                return new SchemaAndValue(Schema.FLOAT32_SCHEMA, asFloat);
            }
            double asDouble = number.doubleValue();
            if (Double.isFinite(asDouble)) {
                return new SchemaAndValue(Schema.FLOAT64_SCHEMA, asDouble);
            }
        }
        return new SchemaAndValue(Decimal.schema(number.scale()), number);
    }

    private static SchemaAndValue asIntegral(BigDecimal number) {
        BigDecimal stripped = number.signum() == 0 ? BigDecimal.ZERO : number.stripTrailingZeros();
        // Checking the digit count first avoids expanding huge exponents.
        if (stripped.scale() > 0 || stripped.precision() - stripped.scale() > 19) {
            return null;
        }
        BigInteger whole = stripped.toBigIntegerExact();
        if (whole.compareTo(LONG_MIN) < 0 || whole.compareTo(LONG_MAX) > 0) {
            return null;
        }
        long value = whole.longValue();
        if (value == (byte) value) {
            return new SchemaAndValue(Schema.INT8_SCHEMA, (byte) value);
        }
        if (value == (short) value) {
            return new SchemaAndValue(Schema.INT16_SCHEMA, (short) value);
        }
        if (value == (int) value) {
            return new SchemaAndValue(Schema.INT32_SCHEMA, (int) value);
        }
        return new SchemaAndValue(Schema.INT64_SCHEMA, value);
    }
}
