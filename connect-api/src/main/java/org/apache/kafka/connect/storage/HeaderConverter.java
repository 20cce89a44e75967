package org.apache.kafka.connect.storage;

import java.io.Closeable;

import org.apache.kafka.common.Configurable;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;

/** Converts header values between Connect's data model and the bytes stored in Kafka. */
public interface HeaderConverter extends Configurable, Closeable {

    SchemaAndValue toConnectHeader(String topic, String headerKey, byte[] value);

    byte[] fromConnectHeader(String topic, String headerKey, Schema schema, Object value);

    ConfigDef config();
}
