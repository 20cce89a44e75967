package org.apache.kafka.connect.storage;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.apache.kafka.common.config.ConfigDef;

/** Config of {@link StringConverter}: its role plus the character set to use. */
public class StringConverterConfig extends ConverterConfig {

    public static final String ENCODING_CONFIG = "converter.encoding";
    // Not a compile-time constant, so plugins compiled against it read the value at run time.
    public static final String ENCODING_DEFAULT = StandardCharsets.UTF_8.name();

    private static final String ENCODING_DOC = "Name of the Java charset used to turn strings into bytes and back.";
    private static final String ENCODING_DISPLAY = "Encoding";

    private static final ConfigDef CONFIG = newConfigDef().define(ENCODING_CONFIG, ConfigDef.Type.STRING,
            ENCODING_DEFAULT, ConfigDef.Importance.HIGH, ENCODING_DOC, null, -1, ConfigDef.Width.MEDIUM,
            ENCODING_DISPLAY);

    public static ConfigDef configDef() {
        return CONFIG;
    }

    public StringConverterConfig(Map<String, ?> props) {
        super(CONFIG, props);
    }

    /** The charset name; not checked here, an unknown name fails when the converter is configured. */
    public String encoding() {
        return getString(ENCODING_CONFIG);
    }
}
