package org.apache.kafka.connect.json;

import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.connect.data.ConnectSchema;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;

/** Turns Connect values (with or without a schema) into Jackson trees. */
final class ConnectToJson {

    private static final JsonNodeFactory NODES = JsonMappers.EXACT_DECIMALS;

    private final DecimalFormat decimalFormat;
    private final boolean replaceNullWithDefault;

    ConnectToJson(DecimalFormat decimalFormat, boolean replaceNullWithDefault) {
        this.decimalFormat = decimalFormat;
        this.replaceNullWithDefault = replaceNullWithDefault;
    }

    /** Converts a value; a null value without schema gives Java null. */
    JsonNode convert(Schema schema, Object value) {
        if (value == null) {
            return convertNull(schema);
        }
        if (schema != null) {
            LogicalTypes.Codec logical = LogicalTypes.forName(schema.name());
            if (logical != null) {
                return logical.toJson(schema, value, decimalFormat);
            }
        }
        Schema.Type type = schema != null ? schema.type() : inferType(value);
        try {
            return convertTyped(type, schema, value);
        } catch (ClassCastException e) {
            String expected = schema != null ? schema.type().toString() : "unknown schema";
            throw new DataException("Invalid type for " + expected + ": " + value.getClass());
        }
    }

    private JsonNode convertNull(Schema schema) {
        if (schema == null) {
            return null;
        }
        if (schema.defaultValue() != null && replaceNullWithDefault) {
            return convert(schema, schema.defaultValue());
        }
        if (schema.isOptional()) {
            return NODES.nullNode();
        }
        throw new DataException("Conversion error: null value for a required field without a default value");
    }

    /** The schema type of a schemaless value; shared with {@link ConnectJsonWriter}. */
    static Schema.Type inferType(Object value) {
        Schema.Type type = ConnectSchema.schemaType(value.getClass());
        if (type == null) {
            throw new DataException("Java class " + value.getClass() + " does not have corresponding schema type.");
        }
        return type;
    }

    private JsonNode convertTyped(Schema.Type type, Schema schema, Object value) {
        return switch (type) {
            case INT8 -> NODES.numberNode((Byte) value);
            case INT16 -> NODES.numberNode((Short) value);
            case INT32 -> NODES.numberNode((Integer) value);
            case INT64 -> NODES.numberNode((Long) value);
            case FLOAT32 -> NODES.numberNode((Float) value);
            case FLOAT64 -> NODES.numberNode((Double) value);
            case BOOLEAN -> NODES.booleanNode((Boolean) value);
            case STRING -> NODES.textNode(((CharSequence) value).toString());
            case BYTES -> bytes(value);
            case ARRAY -> array(schema, (Collection<?>) value);
            case MAP -> map(schema, (Map<?, ?>) value);
            case STRUCT -> struct(schema, (Struct) value);
        };
    }

    private static JsonNode bytes(Object value) {
        if (value instanceof byte[] bytes) {
            return NODES.binaryNode(bytes);
        }
        if (value instanceof ByteBuffer buffer) {
            return NODES.binaryNode(buffer.array());
        }
        throw new DataException("Invalid type for bytes type: " + value.getClass());
    }

    private JsonNode array(Schema schema, Collection<?> elements) {
        Schema elementSchema = schema == null ? null : schema.valueSchema();
        ArrayNode array = NODES.arrayNode(elements.size());
        for (Object element : elements) {
            array.add(convert(elementSchema, element));
        }
        return array;
    }

    /** Maps with string keys become JSON objects; any other key type becomes an array of [key, value] pairs. */
    private JsonNode map(Schema schema, Map<?, ?> map) {
        Schema keySchema = schema == null ? null : schema.keySchema();
        Schema valueSchema = schema == null ? null : schema.valueSchema();
        boolean asObject = schema == null ? allKeysAreStrings(map) : keySchema.type() == Schema.Type.STRING;
        if (asObject) {
            ObjectNode object = NODES.objectNode();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                JsonNode key = convert(keySchema, entry.getKey());
                object.set(key.asText(), convert(valueSchema, entry.getValue()));
            }
            return object;
        }
        ArrayNode pairs = NODES.arrayNode(map.size());
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            ArrayNode pair = NODES.arrayNode(2);
            pair.add(convert(keySchema, entry.getKey()));
            pair.add(convert(valueSchema, entry.getValue()));
            pairs.add(pair);
        }
        return pairs;
    }

    private static boolean allKeysAreStrings(Map<?, ?> map) {
        for (Object key : map.keySet()) {
            if (!(key instanceof String)) {
                return false;
            }
        }
        return true;
    }

    private JsonNode struct(Schema schema, Struct struct) {
        if (!struct.schema().equals(schema)) {
            throw new DataException("Mismatching schema: the struct's own schema differs from the schema given");
        }
        ObjectNode object = NODES.objectNode();
        for (Field field : schema.fields()) {
            object.set(field.name(), convert(field.schema(), struct.getWithoutDefault(field.name())));
        }
        return object;
    }
}
