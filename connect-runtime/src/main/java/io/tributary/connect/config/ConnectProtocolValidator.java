package io.tributary.connect.config;

import java.util.List;
import java.util.Locale;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/** connect.protocol: one of the group sub-protocols a worker can speak, case-insensitively as Connect reads it. */
final class ConnectProtocolValidator implements ConfigDef.Validator {

    private static final List<String> PROTOCOLS = List.of("eager", "compatible", "sessioned");

    @Override
    public void ensureValid(String name, Object value) {
        if (value == null || !PROTOCOLS.contains(((String) value).toLowerCase(Locale.ROOT))) {
            throw new ConfigException(name, value, "Invalid Connect protocol compatibility");
        }
    }

    @Override
    public String toString() {
        return PROTOCOLS.toString();
    }
}
