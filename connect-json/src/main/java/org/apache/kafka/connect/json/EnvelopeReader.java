package org.apache.kafka.connect.json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.data.Struct;

/**
 * Reads the common {"schema": ..., "payload": ...} message straight from its bytes, without building a
 * Jackson tree per record: the schema is recognised by its raw bytes (messages of one topic repeat it
 * verbatim) and the payload is read token by token along that schema (or, for plain ASCII text, taken
 * as is). Anything it does not fully understand (another field order, a failure of any kind, trailing
 * content) answers null, and the tree path then decides, so results and errors stay exactly those of the
 * tree path.
 */
final class EnvelopeReader {

    private static final byte[] SCHEMA_FIELD = "{\"schema\":".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] STRING_PAYLOAD_FIELD = ",\"payload\":\"".getBytes(StandardCharsets.US_ASCII);

    private final ObjectMapper mapper;
    private final JsonToSchema schemas;
    private final JsonToConnect values;
    private final SchemaBytesCache known;
    /** Longer strings are rejected by the parser, so the parser must see them. */
    private final int maxStringLength;

    EnvelopeReader(ObjectMapper mapper, JsonToSchema schemas, JsonToConnect values, int cacheSize) {
        this.mapper = mapper;
        this.schemas = schemas;
        this.values = values;
        this.known = new SchemaBytesCache(cacheSize);
        this.maxStringLength = mapper.getFactory().streamReadConstraints().getMaxStringLength();
    }

    /** The schema and value of an enveloped message, or null when the tree path must decide. */
    SchemaAndValue read(byte[] bytes) {
        SchemaAndValue plain = readPlainString(bytes);
        return plain != null ? plain : readTokens(bytes);
    }

    /**
     * The most common message of all, {"schema":S,"payload":"text"} written compactly with the schema seen
     * last, a plain string schema and printable ASCII text without escapes: such text is its own bytes, so
     * no parser is needed. Null for anything else.
     */
    private SchemaAndValue readPlainString(byte[] bytes) {
        if (!startsWith(bytes, 0, SCHEMA_FIELD)) {
            return null;
        }
        SchemaBytesCache.Recent recent = known.recentAt(bytes, SCHEMA_FIELD.length);
        if (recent == null || !isPlainString(recent.schema())) {
            return null;
        }
        int textStart = SCHEMA_FIELD.length + recent.length() + STRING_PAYLOAD_FIELD.length;
        int textEnd = bytes.length - 2;
        if (textEnd < textStart || bytes[textEnd] != '"' || bytes[textEnd + 1] != '}'
                || textEnd - textStart > maxStringLength
                || !startsWith(bytes, SCHEMA_FIELD.length + recent.length(), STRING_PAYLOAD_FIELD)) {
            return null;
        }
        for (int i = textStart; i < textEnd; i++) {
            byte b = bytes[i];
            // Negative bytes are non-ASCII; below space are control characters JSON must escape.
            if (b < ' ' || b == '"' || b == '\\') {
                return null;
            }
        }
        return new SchemaAndValue(recent.schema(), new String(bytes, textStart, textEnd - textStart,
                StandardCharsets.ISO_8859_1));
    }

    private static boolean isPlainString(Schema schema) {
        return schema.type() == Schema.Type.STRING && LogicalTypes.forName(schema.name()) == null;
    }

    private static boolean startsWith(byte[] bytes, int offset, byte[] prefix) {
        return bytes.length - offset >= prefix.length
                && Arrays.equals(bytes, offset, offset + prefix.length, prefix, 0, prefix.length);
    }

    /** Reads the message with a streaming parser, the schema recognised by its bytes. */
    private SchemaAndValue readTokens(byte[] bytes) {
        try (JsonParser parser = mapper.createParser(bytes)) {
            if (parser.nextToken() != JsonToken.START_OBJECT
                    || !JsonSchema.ENVELOPE_SCHEMA.equals(parser.nextFieldName())
                    || parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            Schema schema = schema(parser, bytes);
            if (!JsonSchema.ENVELOPE_PAYLOAD.equals(parser.nextFieldName())) {
                return null;
            }
            parser.nextToken();
            Object value = value(schema, parser);
            if (parser.nextToken() != JsonToken.END_OBJECT || parser.nextToken() != null) {
                return null;
            }
            return new SchemaAndValue(schema, value);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The schema object the parser is at, from its bytes when seen before; leaves the parser on its end. */
    private Schema schema(JsonParser parser, byte[] bytes) throws IOException {
        int start = (int) parser.currentTokenLocation().getByteOffset();
        parser.skipChildren();
        int end = (int) parser.currentLocation().getByteOffset();
        if (start < 0 || end <= start || bytes[start] != '{' || bytes[end - 1] != '}') {
            throw new IllegalStateException("schema location unknown");
        }
        Schema schema = known.get(bytes, start, end);
        if (schema == null) {
            schema = schemas.convert(mapper.readTree(bytes, start, end - start));
            known.put(bytes, start, end, schema);
        }
        return schema;
    }

    /** The value at the parser's current token, read as the tree path would read it. */
    private Object value(Schema schema, JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NULL) {
            return values.convert(schema, NullNode.getInstance());
        }
        if (LogicalTypes.forName(schema.name()) == null) {
            switch (schema.type()) {
                case STRING:
                    if (token == JsonToken.VALUE_STRING) {
                        return parser.getText();
                    }
                    break;
                case BOOLEAN:
                    if (token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE) {
                        return token == JsonToken.VALUE_TRUE;
                    }
                    break;
                case INT8:
                    if (isInt(parser, token)) {
                        return (byte) parser.getIntValue();
                    }
                    break;
                case INT16:
                    if (isInt(parser, token)) {
                        return (short) parser.getIntValue();
                    }
                    break;
                case INT32:
                    if (isInt(parser, token)) {
                        return parser.getIntValue();
                    }
                    break;
                case INT64:
                    if (token == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
                        return parser.getLongValue();
                    }
                    break;
                case STRUCT:
                    if (token == JsonToken.START_OBJECT) {
                        return struct(schema, parser);
                    }
                    break;
                default:
                    break;
            }
        }
        return values.convert(schema, subtree(parser));
    }

    private static boolean isInt(JsonParser parser, JsonToken token) throws IOException {
        return token == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() == JsonParser.NumberType.INT;
    }

    /** Fields may come in any order; unknown ones are parsed and ignored, a repeated one counts last. */
    private Struct struct(Schema schema, JsonParser parser) throws IOException {
        int fieldCount = schema.fields().size();
        Object[] read = new Object[fieldCount];
        boolean[] present = new boolean[fieldCount];
        String name;
        while ((name = parser.nextFieldName()) != null) {
            parser.nextToken();
            Field field = schema.field(name);
            if (field == null) {
                subtree(parser);
            } else {
                read[field.index()] = value(field.schema(), parser);
                present[field.index()] = true;
            }
        }
        if (parser.currentToken() != JsonToken.END_OBJECT) {
            throw new IllegalStateException("struct payload not closed");
        }
        Struct struct = new Struct(schema.schema());
        for (Field field : schema.fields()) {
            struct.put(field, present[field.index()] ? read[field.index()] : values.convert(field.schema(), null));
        }
        return struct;
    }

    /** The value at the parser's current token as a tree, exactly as the whole-message parse builds it. */
    private JsonNode subtree(JsonParser parser) throws IOException {
        if (parser.currentToken() == JsonToken.VALUE_NULL) {
            return NullNode.getInstance();
        }
        JsonNode node = mapper.readTree(parser);
        if (node == null) {
            throw new IllegalStateException("no value");
        }
        return node;
    }
}
