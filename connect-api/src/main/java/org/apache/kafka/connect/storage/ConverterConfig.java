package org.apache.kafka.connect.storage;

import java.util.Arrays;
import java.util.Map;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;

/** Base for converter configs: every converter is told which role it plays. */
public abstract class ConverterConfig extends AbstractConfig {

    public static final String TYPE_CONFIG = "converter.type";
    private static final String TYPE_DOC = "The role the converter is used for: key, value or header.";

    /** A fresh definition holding the required converter type, for subclasses to extend. */
    public static ConfigDef newConfigDef() {
        String[] roles = Arrays.stream(ConverterType.values()).map(ConverterType::getName).toArray(String[]::new);
        return new ConfigDef().define(TYPE_CONFIG, ConfigDef.Type.STRING, ConfigDef.NO_DEFAULT_VALUE,
                ConfigDef.ValidString.in(roles), ConfigDef.Importance.LOW, TYPE_DOC);
    }

    protected ConverterConfig(ConfigDef configDef, Map<String, ?> props) {
        super(configDef, props, true);
    }

    public ConverterType type() {
        return ConverterType.withName(getString(TYPE_CONFIG));
    }
}
