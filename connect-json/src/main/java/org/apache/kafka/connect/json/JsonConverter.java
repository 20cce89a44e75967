package org.apache.kafka.connect.json;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.utils.AppInfoParser;
import org.apache.kafka.connect.components.Versioned;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.storage.Converter;
import org.apache.kafka.connect.storage.ConverterConfig;
import org.apache.kafka.connect.storage.ConverterType;
import org.apache.kafka.connect.storage.HeaderConverter;

/**
 * Converts Connect data to and from JSON. With schemas enabled every message is an envelope
 * {"schema": ..., "payload": ...}; without, it is the bare payload and schemas are inferred on read.
 */
public class JsonConverter implements Converter, HeaderConverter, Versioned {

    private final JsonDeserializer deserializer;

    private volatile Configured configured;

    public JsonConverter() {
        this(true);
    }

    /** @param enableBlackbird whether Jackson may generate accessors at runtime (faster, needs class definition rights) */
    public JsonConverter(boolean enableBlackbird) {
        this.deserializer = new JsonDeserializer(Set.of(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS),
                JsonMappers.EXACT_DECIMALS, enableBlackbird);
    }

    @Override
    public String version() {
        return AppInfoParser.getVersion();
    }

    @Override
    public ConfigDef config() {
        return JsonConverterConfig.configDef();
    }

    @Override
    public void configure(Map<String, ?> configs) {
        configured = new Configured(new JsonConverterConfig(configs), deserializer);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        Map<String, Object> withType = new HashMap<>(configs);
        withType.put(ConverterConfig.TYPE_CONFIG, (isKey ? ConverterType.KEY : ConverterType.VALUE).getName());
        configure(withType);
    }

    @Override
    public void close() {
    }

    @Override
    public byte[] fromConnectHeader(String topic, String headerKey, Schema schema, Object value) {
        return fromConnectData(topic, schema, value);
    }

    @Override
    public SchemaAndValue toConnectHeader(String topic, String headerKey, byte[] value) {
        return toConnectData(topic, value);
    }

    @Override
    public byte[] fromConnectData(String topic, Schema schema, Object value) {
        if (schema == null && value == null) {
            return null;
        }
        Configured state = state();
        try {
            byte[] envelopePrefix = state.config.schemasEnabled() ? state.envelopePrefixes.prefixFor(schema) : null;
            return state.writer.write(envelopePrefix, schema, value);
        } catch (IOException e) {
            throw new DataException("Could not serialize Connect data as JSON: " + e.getMessage(), e);
        }
    }

    @Override
    public SchemaAndValue toConnectData(String topic, byte[] value) {
        if (value == null) {
            return SchemaAndValue.NULL;
        }
        Configured state = state();
        if (state.envelopes != null) {
            SchemaAndValue read = state.envelopes.read(value);
            if (read != null) {
                return read;
            }
        }
        return toConnectDataThroughTree(state, topic, value);
    }

    /** The general path, through a Jackson tree: decides every message the envelope reader leaves, errors included. */
    SchemaAndValue toConnectDataThroughTree(String topic, byte[] value) {
        return toConnectDataThroughTree(state(), topic, value);
    }

    private SchemaAndValue toConnectDataThroughTree(Configured state, String topic, byte[] value) {
        JsonNode json;
        try {
            json = deserializer.deserialize(topic, value);
        } catch (SerializationException e) {
            throw new DataException("Could not parse bytes as JSON: " + e.getMessage(), e);
        }
        if (!state.config.schemasEnabled()) {
            return new SchemaAndValue(null, state.jsonValues.convert(null, json));
        }
        if (!isEnvelope(json)) {
            throw new DataException("With schemas.enable=true the JSON must be an object holding exactly the fields "
                    + "\"" + JsonSchema.ENVELOPE_SCHEMA + "\" and \"" + JsonSchema.ENVELOPE_PAYLOAD + "\". "
                    + "To read plain JSON, set schemas.enable=false in the converter configuration.");
        }
        Schema schema = state.jsonSchemas.convert(json.get(JsonSchema.ENVELOPE_SCHEMA));
        return new SchemaAndValue(schema, state.jsonValues.convert(schema, json.get(JsonSchema.ENVELOPE_PAYLOAD)));
    }

    public ObjectNode asJsonSchema(Schema schema) {
        return state().schemas.convert(schema);
    }

    /** A JSON null gives no schema; a Java null is rejected, as by the reference. */
    public Schema asConnectSchema(JsonNode jsonSchema) {
        Objects.requireNonNull(jsonSchema, "jsonSchema must not be null (use a JSON null node for no schema)");
        return state().jsonSchemas.convert(jsonSchema);
    }

    /** How many Connect-to-JSON schema translations are cached (for tests). */
    int fromConnectSchemaCacheSize() {
        return state().schemas.cacheSize();
    }

    /** How many JSON-to-Connect schema translations are cached (for tests). */
    int toConnectSchemaCacheSize() {
        return state().jsonSchemas.cacheSize();
    }

    private static boolean isEnvelope(JsonNode json) {
        return json != null && json.isObject() && json.size() == 2
                && json.has(JsonSchema.ENVELOPE_SCHEMA) && json.has(JsonSchema.ENVELOPE_PAYLOAD);
    }

    private Configured state() {
        Configured state = configured;
        if (state == null) {
            throw new IllegalStateException("JsonConverter must be configured before use");
        }
        return state;
    }

    /** Everything derived from one configuration, swapped atomically on reconfiguration. */
    private static final class Configured {
        /** Streams values and schemas; tree nodes are written by it only for maps and logical types. */
        private static final ObjectMapper WRITING_MAPPER = JsonMappers.forWriting(Set.of(), false);

        final JsonConverterConfig config;
        final ConnectToJson values;
        final SchemaToJson schemas;
        final ConnectJsonWriter writer;
        final EnvelopePrefixes envelopePrefixes;
        final JsonToConnect jsonValues;
        final JsonToSchema jsonSchemas;
        /** Null when schemas are off or not cached: then every message takes the tree path. */
        final EnvelopeReader envelopes;

        Configured(JsonConverterConfig config, JsonDeserializer deserializer) {
            this.config = config;
            this.values = new ConnectToJson(config.decimalFormat(), config.replaceNullWithDefault());
            this.schemas = new SchemaToJson(values, config.schemaCacheSize());
            this.writer = new ConnectJsonWriter(WRITING_MAPPER, values, config.replaceNullWithDefault());
            this.envelopePrefixes = new EnvelopePrefixes(WRITING_MAPPER, schemas, config.schemaCacheSize());
            this.jsonValues = new JsonToConnect(config.replaceNullWithDefault());
            this.jsonSchemas = new JsonToSchema(jsonValues, config.schemaCacheSize());
            this.envelopes = config.schemasEnabled() && config.schemaCacheSize() > 0
                    ? new EnvelopeReader(deserializer.mapper(), jsonSchemas, jsonValues, config.schemaCacheSize())
                    : null;
        }
    }
}
