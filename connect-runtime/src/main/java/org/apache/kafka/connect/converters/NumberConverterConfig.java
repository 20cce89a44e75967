package org.apache.kafka.connect.converters;

import java.util.Map;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.storage.ConverterConfig;

/** Config of the number converters: only the role (key, value or header) they are used for. */
public class NumberConverterConfig extends ConverterConfig {

    private static final ConfigDef CONFIG = ConverterConfig.newConfigDef();

    public static ConfigDef configDef() {
        return CONFIG;
    }

    public NumberConverterConfig(Map<String, ?> props) {
        super(CONFIG, props);
    }
}
