package org.apache.kafka.connect.storage;

import java.util.Locale;

/** The role a converter is configured for: record keys, record values or headers. */
public enum ConverterType {
    KEY,
    VALUE,
    HEADER;

    private final String configName = name().toLowerCase(Locale.ROOT);

    /** The role by its config spelling, ignoring case; null when the name is null or unknown. */
    public static ConverterType withName(String name) {
        if (name == null) {
            return null;
        }
        for (ConverterType type : values()) {
            if (type.configName.equalsIgnoreCase(name)) {
                return type;
            }
        }
        return null;
    }

    /** The lower-case spelling used in configs. */
    public String getName() {
        return configName;
    }
}
