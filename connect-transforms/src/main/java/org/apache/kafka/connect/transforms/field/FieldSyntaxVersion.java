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
    public static final String FIELD_SYNTAX_VERSION_DOC = "Defines the version of the syntax to access fields. "
            + "If set to `V1`, then the field paths are limited to access the elements at the root level of the "
            + "struct or map. If set to `V2`, the syntax will support accessing nested elements. To access nested "
            + "elements, dotted notation is used. If dots are already included in the field name, then backtick "
            + "pairs can be used to wrap field names containing dots. E.g. to access the subfield `baz` from a "
            + "field named \"foo.bar\" in a struct/map the following format can be used to access its elements: "
            + "\"`foo.bar`.baz\".";
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
