package io.tributary.connect.config;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.common.config.provider.DirectoryConfigProvider;
import org.apache.kafka.common.config.provider.EnvVarConfigProvider;
import org.apache.kafka.common.config.provider.FileConfigProvider;

/**
 * Lets worker files name the config providers of kafka-clients by alias ({@code FileConfigProvider} or
 * {@code File}). The worker's own settings are resolved by kafka-clients while parsing, and it loads
 * providers by class name only, so the aliases are expanded before that.
 */
final class BuiltInConfigProviders {

    private static final String PREFIX = WorkerConfig.CONFIG_PROVIDERS_CONFIG + ".";
    private static final String CLASS_SUFFIX = ".class";
    private static final Map<String, String> ALIASES = Map.of(
            "FileConfigProvider", FileConfigProvider.class.getName(),
            "File", FileConfigProvider.class.getName(),
            "DirectoryConfigProvider", DirectoryConfigProvider.class.getName(),
            "Directory", DirectoryConfigProvider.class.getName(),
            "EnvVarConfigProvider", EnvVarConfigProvider.class.getName(),
            "EnvVar", EnvVarConfigProvider.class.getName());

    private BuiltInConfigProviders() {
    }

    /** The worker properties with built-in provider aliases replaced by class names; the same map if none. */
    static Map<String, String> expandAliases(Map<String, String> props) {
        Map<String, String> expanded = null;
        for (Map.Entry<String, String> entry : props.entrySet()) {
            String key = entry.getKey();
            String value = entry.getValue();
            if (key.startsWith(PREFIX) && key.endsWith(CLASS_SUFFIX) && value != null
                    && ALIASES.containsKey(value.trim())) {
                if (expanded == null) {
                    expanded = new HashMap<>(props);
                }
                expanded.put(key, ALIASES.get(value.trim()));
            }
        }
        return expanded == null ? props : expanded;
    }
}
