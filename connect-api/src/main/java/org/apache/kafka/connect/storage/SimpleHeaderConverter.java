package org.apache.kafka.connect.storage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.NoSuchElementException;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.utils.AppInfoParser;
import org.apache.kafka.connect.components.Versioned;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.data.Values;
import org.apache.kafka.connect.errors.DataException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes header values as UTF-8 text (see {@link Values#convertToString}) and reads them back by
 * inferring the most specific type the text parses as (see {@link Values#parseString}).
 */
public class SimpleHeaderConverter implements HeaderConverter, Versioned {

    private static final Logger log = LoggerFactory.getLogger(SimpleHeaderConverter.class);
    private static final ConfigDef CONFIG_DEF = new ConfigDef();

    @Override
    public String version() {
        return AppInfoParser.getVersion();
    }

    @Override
    public ConfigDef config() {
        return CONFIG_DEF;
    }

    @Override
    public void configure(Map<String, ?> configs) {
        // Nothing to configure.
    }

    @Override
    public SchemaAndValue toConnectHeader(String topic, String headerKey, byte[] value) {
        if (value == null) {
            return SchemaAndValue.NULL;
        }
        String text = new String(value, StandardCharsets.UTF_8);
        try {
            return Values.parseString(text);
        } catch (NoSuchElementException e) {
            throw new DataException("Could not parse header '" + headerKey + "' of topic '" + topic + "'", e);
        } catch (RuntimeException e) {
            // Unparseable text is still data: hand it over untouched rather than fail the record.
            log.warn("Could not parse header '{}' of topic '{}'; passing its raw bytes on", headerKey, topic, e);
            return new SchemaAndValue(Schema.BYTES_SCHEMA, value);
        }
    }

    @Override
    public byte[] fromConnectHeader(String topic, String headerKey, Schema schema, Object value) {
        if (value == null) {
            return null;
        }
        return Values.convertToString(schema, value).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        // Nothing to release.
    }
}
