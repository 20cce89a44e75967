package org.apache.kafka.connect.converters;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.BooleanDeserializer;
import org.apache.kafka.common.serialization.BooleanSerializer;
import org.apache.kafka.common.utils.AppInfoParser;
import org.apache.kafka.connect.components.Versioned;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.storage.Converter;
import org.apache.kafka.connect.storage.ConverterConfig;
import org.apache.kafka.connect.storage.ConverterType;
import org.apache.kafka.connect.storage.HeaderConverter;

/** Stores booleans as one byte (Kafka's {@code BooleanSerializer}); only boolean schemas are accepted. */
public class BooleanConverter implements Converter, HeaderConverter, Versioned {

    private final BooleanSerializer serializer = new BooleanSerializer();
    private final BooleanDeserializer deserializer = new BooleanDeserializer();

    @Override
    public ConfigDef config() {
        return BooleanConverterConfig.configDef();
    }

    @Override
    public void configure(Map<String, ?> configs) {
        BooleanConverterConfig config = new BooleanConverterConfig(configs);
        boolean isKey = config.type() == ConverterType.KEY;
        serializer.configure(configs, isKey);
        deserializer.configure(configs, isKey);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        Map<String, Object> withType = new HashMap<>(configs);
        withType.put(ConverterConfig.TYPE_CONFIG, (isKey ? ConverterType.KEY : ConverterType.VALUE).getName());
        configure(withType);
    }

    @Override
    public byte[] fromConnectData(String topic, Schema schema, Object value) {
        if (schema != null && schema.type() != Schema.Type.BOOLEAN) {
            throw new DataException("Invalid schema type for BooleanConverter: " + schema.type().toString());
        }
        try {
            return serializer.serialize(topic, (Boolean) value);
        } catch (ClassCastException e) {
            throw new DataException("BooleanConverter is not compatible with objects of type " + value.getClass());
        }
    }

    @Override
    public SchemaAndValue toConnectData(String topic, byte[] value) {
        try {
            return new SchemaAndValue(Schema.OPTIONAL_BOOLEAN_SCHEMA, deserializer.deserialize(topic, value));
        } catch (SerializationException e) {
            throw new DataException("Failed to deserialize boolean: ", e);
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

    @Override
    public String version() {
        return AppInfoParser.getVersion();
    }
}
