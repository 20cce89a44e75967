package org.apache.kafka.connect.json;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;

/**
 * Turns Jackson trees into Connect values. With a schema, primitives are read with Jackson's lenient
 * accessors (a mismatched node yields 0, false or null) rather than rejected, matching Apache's converter.
 */
final class JsonToConnect {

    private final boolean replaceNullWithDefault;

    JsonToConnect(boolean replaceNullWithDefault) {
        this.replaceNullWithDefault = replaceNullWithDefault;
    }

    Object convert(Schema schema, JsonNode json) {
        if (schema == null) {
            return convertSchemaless(json);
        }
        if (json == null || json.isNull() || json.isMissingNode()) {
            return convertNull(schema);
        }
        LogicalTypes.Codec logical = LogicalTypes.forName(schema.name());
        if (logical != null) {
            return logical.toConnect(schema, json);
        }
        return switch (schema.type()) {
            case BOOLEAN -> json.booleanValue();
            case INT8 -> (byte) json.intValue();
            case INT16 -> (short) json.intValue();
            case INT32 -> json.intValue();
            case INT64 -> json.longValue();
            case FLOAT32 -> json.floatValue();
            case FLOAT64 -> json.doubleValue();
            case STRING -> json.textValue();
            case BYTES -> bytes(json);
            case ARRAY -> array(schema.valueSchema(), json);
            case MAP -> map(schema, json);
            case STRUCT -> struct(schema, json);
        };
    }

    private Object convertNull(Schema schema) {
        if (schema.defaultValue() != null && replaceNullWithDefault) {
            return schema.defaultValue();
        }
        if (schema.isOptional()) {
            return null;
        }
        throw new DataException("Invalid null value for required " + schema.type() + " field");
    }

    /** Without a schema the JSON node type decides: integers become Long, other numbers Double, objects Maps. */
    private Object convertSchemaless(JsonNode json) {
        if (json == null) {
            return null;
        }
        return switch (json.getNodeType()) {
            case BOOLEAN -> json.booleanValue();
            case NUMBER -> json.isIntegralNumber() ? (Object) json.longValue() : (Object) json.doubleValue();
            case STRING -> json.textValue();
            case ARRAY -> array(null, json);
            case OBJECT -> stringKeyedMap(null, json);
            case BINARY -> bytes(json);
            case NULL, MISSING, POJO -> null;
        };
    }

    private static byte[] bytes(JsonNode json) {
        try {
            return json.binaryValue();
        } catch (Exception e) {
            throw new DataException("Bytes payload is not valid base64", e);
        }
    }

    private List<Object> array(Schema elementSchema, JsonNode json) {
        List<Object> list = new ArrayList<>(json.size());
        for (JsonNode element : json) {
            list.add(convert(elementSchema, element));
        }
        return list;
    }

    private Map<Object, Object> map(Schema schema, JsonNode json) {
        if (schema.keySchema().type() == Schema.Type.STRING) {
            if (!json.isObject()) {
                throw new DataException("Map payload with string keys must be a JSON object, found "
                        + json.getNodeType());
            }
            return stringKeyedMap(schema.valueSchema(), json);
        }
        Map<Object, Object> map = new HashMap<>();
        for (JsonNode entry : json) {
            if (!entry.isArray()) {
                throw new DataException("Map entries with non-string keys must be [key, value] arrays, found "
                        + entry.getNodeType());
            }
            if (entry.size() != 2) {
                throw new DataException("Map entries with non-string keys must be arrays of exactly two elements, "
                        + "found " + entry.size());
            }
            map.put(convert(schema.keySchema(), entry.get(0)), convert(schema.valueSchema(), entry.get(1)));
        }
        return map;
    }

    private Map<Object, Object> stringKeyedMap(Schema valueSchema, JsonNode json) {
        Map<Object, Object> map = new HashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = json.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            map.put(field.getKey(), convert(valueSchema, field.getValue()));
        }
        return map;
    }

    private Struct struct(Schema schema, JsonNode json) {
        if (!json.isObject()) {
            throw new DataException("Struct payload must be a JSON object, found " + json.getNodeType());
        }
        // schema() snapshots a builder (while reading a default), exactly as the reference does.
        Struct struct = new Struct(schema.schema());
        for (Field field : schema.fields()) {
            struct.put(field, convert(field.schema(), json.get(field.name())));
        }
        return struct;
    }
}
