package org.apache.kafka.connect.json;

import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;

/** Describes Connect schemas as JSON schemas, remembering recent translations. */
final class SchemaToJson {

    private static final JsonNodeFactory NODES = JsonMappers.EXACT_DECIMALS;

    private final ConnectToJson values;
    private final BoundedCache<Schema, ObjectNode> cache;

    SchemaToJson(ConnectToJson values, int cacheSize) {
        this.values = values;
        this.cache = new BoundedCache<>(cacheSize);
    }

    /**
     * The JSON form of a schema, or null for no schema. The returned node is shared with the cache:
     * callers must not modify it.
     */
    ObjectNode convert(Schema schema) {
        if (schema == null) {
            return null;
        }
        ObjectNode cached = cache.get(schema);
        if (cached != null) {
            return cached;
        }
        ObjectNode json = describe(schema);
        cache.put(schema, json);
        return json;
    }

    int cacheSize() {
        return cache.size();
    }

    // Key order matters: output must match Apache's byte for byte.
    private ObjectNode describe(Schema schema) {
        ObjectNode json = NODES.objectNode();
        json.put(JsonSchema.TYPE, SchemaTypeNames.nameOf(schema.type()));
        switch (schema.type()) {
            case ARRAY -> json.set(JsonSchema.ARRAY_ITEMS, convert(schema.valueSchema()));
            case MAP -> {
                json.set(JsonSchema.MAP_KEYS, convert(schema.keySchema()));
                json.set(JsonSchema.MAP_VALUES, convert(schema.valueSchema()));
            }
            case STRUCT -> json.set(JsonSchema.STRUCT_FIELDS, fields(schema));
            default -> { }
        }
        json.put(JsonSchema.OPTIONAL, schema.isOptional());
        if (schema.name() != null) {
            json.put(JsonSchema.NAME, schema.name());
        }
        if (schema.version() != null) {
            json.put(JsonSchema.VERSION, schema.version());
        }
        if (schema.doc() != null) {
            json.put(JsonSchema.DOC, schema.doc());
        }
        if (schema.parameters() != null) {
            ObjectNode parameters = NODES.objectNode();
            for (Map.Entry<String, String> parameter : schema.parameters().entrySet()) {
                parameters.put(parameter.getKey(), parameter.getValue());
            }
            json.set(JsonSchema.PARAMETERS, parameters);
        }
        if (schema.defaultValue() != null) {
            json.set(JsonSchema.DEFAULT, values.convert(schema, schema.defaultValue()));
        }
        return json;
    }

    private ArrayNode fields(Schema schema) {
        ArrayNode fields = NODES.arrayNode(schema.fields().size());
        for (Field field : schema.fields()) {
            ObjectNode fieldJson = convert(field.schema()).deepCopy();
            fieldJson.put(JsonSchema.STRUCT_FIELD_NAME, field.name());
            fields.add(fieldJson);
        }
        return fields;
    }
}
