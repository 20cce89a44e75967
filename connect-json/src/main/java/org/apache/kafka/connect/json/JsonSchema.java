package org.apache.kafka.connect.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Names used in the JSON form of Connect schemas, and the envelope that pairs a schema with its payload. */
public class JsonSchema {

    static final String ENVELOPE_SCHEMA = "schema";
    static final String ENVELOPE_PAYLOAD = "payload";

    static final String TYPE = "type";
    static final String OPTIONAL = "optional";
    static final String NAME = "name";
    static final String VERSION = "version";
    static final String DOC = "doc";
    static final String PARAMETERS = "parameters";
    static final String DEFAULT = "default";
    static final String ARRAY_ITEMS = "items";
    static final String MAP_KEYS = "keys";
    static final String MAP_VALUES = "values";
    static final String STRUCT_FIELDS = "fields";
    static final String STRUCT_FIELD_NAME = "field";

    public JsonSchema() {
    }

    /** Builds {"schema": schema, "payload": payload}; a Java null becomes a JSON null. */
    public static ObjectNode envelope(JsonNode schema, JsonNode payload) {
        ObjectNode envelope = JsonNodeFactory.instance.objectNode();
        envelope.set(ENVELOPE_SCHEMA, schema);
        envelope.set(ENVELOPE_PAYLOAD, payload);
        return envelope;
    }
}
