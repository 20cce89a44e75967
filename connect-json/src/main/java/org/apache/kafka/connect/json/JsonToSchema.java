package org.apache.kafka.connect.json;

import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.errors.DataException;

/** Reads JSON schemas back into Connect schemas, remembering recent translations. */
final class JsonToSchema {

    private final JsonToConnect values;
    private final BoundedCache<JsonNode, Schema> cache;

    JsonToSchema(JsonToConnect values, int cacheSize) {
        this.values = values;
        this.cache = new BoundedCache<>(cacheSize);
    }

    /** The Connect schema described by a JSON schema, or null for a missing or JSON null schema. */
    Schema convert(JsonNode json) {
        if (json == null || json.isNull()) {
            return null;
        }
        Schema cached = cache.get(json);
        if (cached != null) {
            return cached;
        }
        Schema schema = read(json);
        cache.put(json, schema);
        return schema;
    }

    int cacheSize() {
        return cache.size();
    }

    private Schema read(JsonNode json) {
        SchemaBuilder builder = builderForType(json);
        JsonNode optional = json.get(JsonSchema.OPTIONAL);
        if (optional != null && optional.isBoolean() && optional.booleanValue()) {
            builder.optional();
        } else {
            builder.required();
        }
        JsonNode name = json.get(JsonSchema.NAME);
        if (name != null && name.isTextual()) {
            builder.name(name.textValue());
        }
        JsonNode version = json.get(JsonSchema.VERSION);
        if (version != null && version.isIntegralNumber()) {
            builder.version(version.intValue());
        }
        JsonNode doc = json.get(JsonSchema.DOC);
        if (doc != null && doc.isTextual()) {
            builder.doc(doc.textValue());
        }
        JsonNode parameters = json.get(JsonSchema.PARAMETERS);
        if (parameters != null && parameters.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> entries = parameters.fields();
            while (entries.hasNext()) {
                Map.Entry<String, JsonNode> entry = entries.next();
                if (!entry.getValue().isTextual()) {
                    throw new DataException("Schema parameter \"" + entry.getKey() + "\" must have a string value");
                }
                builder.parameter(entry.getKey(), entry.getValue().textValue());
            }
        }
        JsonNode defaultValue = json.get(JsonSchema.DEFAULT);
        if (defaultValue != null) {
            builder.defaultValue(values.convert(builder, defaultValue));
        }
        return builder.build();
    }

    private SchemaBuilder builderForType(JsonNode json) {
        JsonNode typeNode = json.get(JsonSchema.TYPE);
        if (typeNode == null || !typeNode.isTextual()) {
            throw new DataException("Schema must have a textual \"type\" field");
        }
        Schema.Type type = SchemaTypeNames.typeOf(typeNode.textValue());
        if (type == null) {
            throw new DataException("Unknown schema type: " + typeNode.textValue());
        }
        return switch (type) {
            case ARRAY -> SchemaBuilder.array(elementSchema(json));
            case MAP -> SchemaBuilder.map(
                    convert(required(json, JsonSchema.MAP_KEYS, "Map schema must specify its key type in \"keys\"")),
                    convert(required(json, JsonSchema.MAP_VALUES,
                            "Map schema must specify its value type in \"values\"")));
            case STRUCT -> struct(json);
            default -> SchemaBuilder.type(type);
        };
    }

    /** A JSON null "items" is rejected like a missing one (a null map key or value schema is not). */
    private Schema elementSchema(JsonNode json) {
        Schema element = convert(json.get(JsonSchema.ARRAY_ITEMS));
        if (element == null) {
            throw new DataException("Array schema must specify its element type in \"items\"");
        }
        return element;
    }

    private static JsonNode required(JsonNode json, String property, String message) {
        JsonNode node = json.get(property);
        if (node == null) {
            throw new DataException(message);
        }
        return node;
    }

    private SchemaBuilder struct(JsonNode json) {
        JsonNode fields = json.get(JsonSchema.STRUCT_FIELDS);
        if (fields == null || !fields.isArray()) {
            throw new DataException("Struct schema must list its fields in a \"fields\" array");
        }
        SchemaBuilder builder = SchemaBuilder.struct();
        for (JsonNode field : fields) {
            JsonNode fieldName = field.get(JsonSchema.STRUCT_FIELD_NAME);
            if (fieldName == null || !fieldName.isTextual()) {
                throw new DataException("Each struct field must have a textual \"field\" name");
            }
            builder.field(fieldName.textValue(), convert(field));
        }
        return builder;
    }
}
