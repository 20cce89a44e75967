package org.apache.kafka.connect.storage;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.AppInfoParser;
import org.apache.kafka.connect.components.Versioned;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.errors.DataException;

/**
 * Stores any value as the bytes of its string form, and reads bytes back as optional strings.
 * Schemas are ignored when writing. Works unconfigured, with UTF-8.
 */
public class StringConverter implements Converter, HeaderConverter, Versioned {

    private static final String SERIALIZER_ENCODING = "serializer.encoding";
    private static final String DESERIALIZER_ENCODING = "deserializer.encoding";

    private final StringSerializer serializer = new StringSerializer();
    private final StringDeserializer deserializer = new StringDeserializer();

    @Override
    public String version() {
        return AppInfoParser.getVersion();
    }

    @Override
    public ConfigDef config() {
        return StringConverterConfig.configDef();
    }

    /** Expects converter.type among the configs; an unknown encoding fails here. */
    @Override
    public void configure(Map<String, ?> configs) {
        StringConverterConfig config = new StringConverterConfig(configs);
        String encoding = config.encoding();
        boolean isKey = config.type() == ConverterType.KEY;
        // Only our own encoding reaches the (de)serializer, never other keys of the converter config.
        serializer.configure(Map.of(SERIALIZER_ENCODING, encoding), isKey);
        deserializer.configure(Map.of(DESERIALIZER_ENCODING, encoding), isKey);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        Map<String, Object> withType = new HashMap<>(configs);
        withType.put(ConverterConfig.TYPE_CONFIG, (isKey ? ConverterType.KEY : ConverterType.VALUE).getName());
        configure(withType);
    }

    @Override
    public byte[] fromConnectData(String topic, Schema schema, Object value) {
        if (value == null) {
            return null;
        }
        try {
            return serializer.serialize(topic, value.toString());
        } catch (SerializationException e) {
            throw new DataException("Could not encode the value as a string", e);
        }
    }

    @Override
    public SchemaAndValue toConnectData(String topic, byte[] value) {
        try {
            return new SchemaAndValue(Schema.OPTIONAL_STRING_SCHEMA, deserializer.deserialize(topic, value));
        } catch (SerializationException e) {
            throw new DataException("Could not decode the bytes as a string", e);
        }
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
    public void close() {
        serializer.close();
        deserializer.close();
    }
}
