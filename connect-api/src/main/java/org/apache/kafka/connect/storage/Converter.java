package org.apache.kafka.connect.storage;

import java.io.Closeable;
import java.io.IOException;
import java.util.Map;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;

/** Converts record keys or values between Connect's data model and the bytes stored in Kafka. */
public interface Converter extends Closeable {

    void configure(Map<String, ?> configs, boolean isKey);

    byte[] fromConnectData(String topic, Schema schema, Object value);

    /** Header-aware variant; by default the Kafka headers are ignored. */
    default byte[] fromConnectData(String topic, Headers headers, Schema schema, Object value) {
        return fromConnectData(topic, schema, value);
    }

    SchemaAndValue toConnectData(String topic, byte[] value);

    /** Header-aware variant; by default the Kafka headers are ignored. */
    default SchemaAndValue toConnectData(String topic, Headers headers, byte[] value) {
        return toConnectData(topic, value);
    }

    /** The converter's configuration definition; empty unless overridden. */
    default ConfigDef config() {
        return new ConfigDef();
    }

    @Override
    default void close() throws IOException {
    }
}
