package io.tributary.connect.config;

import org.apache.kafka.common.config.ConfigDef;

import java.util.List;

/**
 * Renders a ConfigDef as one line per key (name | type | default | importance | validator | group |
 * order | width | display name | dependents), the form the reference tables were printed in, so a
 * definition can be compared with Apache's key by key. Documentation text is left out: it is ours.
 */
final class ConfigTable {

    /** Keys of ours, absent from Kafka Connect, start with this. */
    static final String OUR_PREFIX = "tributary.";

    private ConfigTable() {
    }

    /**
     * The keys Kafka Connect also has. Our own keys live under {@code tributary.}, which Apache's worker ignores,
     * and have no counterpart to compare with; {@link #tributaryKeys} lists them.
     */
    static List<String> of(ConfigDef def) {
        return def.configKeys().values().stream().filter(key -> !key.name.startsWith(OUR_PREFIX))
            .map(ConfigTable::line).toList();
    }

    static List<String> tributaryKeys(ConfigDef def) {
        return def.configKeys().keySet().stream().filter(name -> name.startsWith(OUR_PREFIX)).toList();
    }

    /** The expected table as written in a test: one line per key, blank lines ignored. */
    static List<String> parse(String table) {
        return table.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    private static String line(ConfigDef.ConfigKey key) {
        String defaultValue = key.defaultValue == ConfigDef.NO_DEFAULT_VALUE ? "<required>"
            : key.defaultValue == null ? "<null>" : ConfigDef.convertToString(key.defaultValue, key.type);
        String validator = String.valueOf(key.validator);
        // Validators without their own toString() print an identity hash that differs per run.
        if (validator.matches("^[\\w.$]+@[0-9a-f]+$")) {
            validator = "<identity>";
        }
        return String.join(" | ", key.name, String.valueOf(key.type), defaultValue, String.valueOf(key.importance),
            validator, String.valueOf(key.group), String.valueOf(key.orderInGroup), String.valueOf(key.width),
            String.valueOf(key.displayName), String.valueOf(key.dependents));
    }
}
