package org.apache.kafka.connect.converters;

import java.util.Map;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.storage.ConverterConfig;

/** Config of {@link BooleanConverter}: only the role (key, value or header) it is used for. */
public class BooleanConverterConfig extends ConverterConfig {

    private static final ConfigDef CONFIG = ConverterConfig.newConfigDef();

    public static ConfigDef configDef() {
        return CONFIG;
    }

    public BooleanConverterConfig(Map<String, ?> props) {
        super(CONFIG, props);
    }
}
