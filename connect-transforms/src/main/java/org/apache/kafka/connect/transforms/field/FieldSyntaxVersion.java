package org.apache.kafka.connect.transforms.field;

import java.util.Locale;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/**
 * How a transformation reads its field paths: {@link #V1} takes the whole setting as one
 * top-level field name, {@link #V2} reads dotted paths into nested structs and maps.
 */
public enum FieldSyntaxVersion {
    V1,
    V2;

    public static final String FIELD_SYNTAX_VERSION_CONFIG = "field.syntax.version";
    // The text is part of the public API (code compiled against it inlines the constant).
    public static final String FIELD_SYNTAX_VERSION_DOC =
            "Which syntax names fields. V1: a name refers to a field at the top level only. V2: a dotted path reaches into nested structs and maps, and a name containing dots is written between backticks.";
    // Not a compile-time constant, as in the reference API: it is derived from the enum.
    public static final String FIELD_SYNTAX_VERSION_DEFAULT_VALUE = V1.name();

    /** Adds the {@value #FIELD_SYNTAX_VERSION_CONFIG} setting to a transformation's definition. */
    public static ConfigDef appendConfigTo(ConfigDef configDef) {
        return configDef.define(FIELD_SYNTAX_VERSION_CONFIG, ConfigDef.Type.STRING,
                FIELD_SYNTAX_VERSION_DEFAULT_VALUE,
                ConfigDef.CaseInsensitiveValidString.in(V1.name(), V2.name()),
                ConfigDef.Importance.HIGH, FIELD_SYNTAX_VERSION_DOC);
    }

    /** The version chosen in a configuration whose definition includes the setting. */
    public static FieldSyntaxVersion fromConfig(AbstractConfig config) {
        String configured = config.getString(FIELD_SYNTAX_VERSION_CONFIG);
        try {
            return valueOf(configured.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(FIELD_SYNTAX_VERSION_CONFIG, configured, "Unrecognized field syntax version");
        }
    }
}
