package io.tributary.connect.herder;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.tributary.connect.config.ConnectorConfig;
import io.tributary.connect.config.SinkConnectorConfig;
import io.tributary.connect.config.SourceConnectorConfig;
import io.tributary.connect.config.WorkerConfig;
import io.tributary.connect.plugins.PluginDescriptor;
import io.tributary.connect.plugins.PluginType;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.ConfigKey;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;

/**
 * The definition a connector configuration is validated against: the common source or sink settings with
 * defaults and recommendations taken from this worker (its converters, the installed plugins and their
 * versions), plus a group of settings per transformation and predicate alias the configuration lists.
 */
final class EnrichedConnectorDefinition {

    private static final String VERSION_SUFFIX = "." + WorkerConfig.PLUGIN_VERSION_SUFFIX;

    private final PluginSettings settings;
    private final WorkerConfig workerConfig;

    EnrichedConnectorDefinition(PluginSettings settings, WorkerConfig workerConfig) {
        this.settings = settings;
        this.workerConfig = workerConfig;
    }

    ConfigDef build(PluginDescriptor connector, Map<String, String> config) {
        ConfigDef base = connector.type() == PluginType.SINK ? SinkConnectorConfig.configDef()
                : SourceConnectorConfig.configDef();
        ConfigDef enriched = new ConfigDef();
        for (ConfigKey key : base.configKeys().values()) {
            enriched.define(adapted(key, connector, config));
        }
        for (String alias : aliases(config.get(ConnectorConfig.TRANSFORMS_CONFIG))) {
            addAliasGroup(enriched, config, ConnectorConfig.TRANSFORMS_PREFIX, alias, PluginType.TRANSFORMATION,
                    "Transforms: ", "transformation", "Transformation");
        }
        for (String alias : aliases(config.get(ConnectorConfig.PREDICATES_CONFIG))) {
            addAliasGroup(enriched, config, ConnectorConfig.PREDICATES_PREFIX, alias, PluginType.PREDICATE,
                    "Predicates: ", "predicate", "Predicate");
        }
        return enriched;
    }

    /** The aliases of a list setting, once each, in order. */
    static Set<String> aliases(String list) {
        Set<String> aliases = new LinkedHashSet<>();
        if (list != null) {
            for (String alias : list.split(",")) {
                if (!alias.trim().isEmpty()) {
                    aliases.add(alias.trim());
                }
            }
        }
        return aliases;
    }

    /** The connector version and converter settings default to what this worker would use. */
    private ConfigKey adapted(ConfigKey key, PluginDescriptor connector, Map<String, String> config) {
        return switch (key.name) {
            case ConnectorConfig.CONNECTOR_VERSION -> versionKey(key, Optional.of(connector));
            case ConnectorConfig.KEY_CONVERTER_CLASS_CONFIG, ConnectorConfig.VALUE_CONVERTER_CLASS_CONFIG ->
                    converterKey(key, PluginType.CONVERTER);
            case ConnectorConfig.HEADER_CONVERTER_CLASS_CONFIG -> converterKey(key, PluginType.HEADER_CONVERTER);
            case ConnectorConfig.KEY_CONVERTER_VERSION_CONFIG, ConnectorConfig.VALUE_CONVERTER_VERSION_CONFIG,
                 ConnectorConfig.HEADER_CONVERTER_VERSION_CONFIG -> converterVersionKey(key, config);
            default -> key;
        };
    }

    private ConfigKey converterKey(ConfigKey key, PluginType type) {
        Class<?> workerDefault = workerConfig.getClass(key.name);
        ConfigKey withDefault = workerDefault == null ? key : ConfigKeys.withDefault(key, workerDefault.getName());
        List<Object> installed = new ArrayList<>(settings.classNames(type));
        return ConfigKeys.withRecommender(withDefault, recommending(installed));
    }

    private ConfigKey converterVersionKey(ConfigKey key, Map<String, String> config) {
        String classKey = key.name.substring(0, key.name.length() - VERSION_SUFFIX.length());
        PluginType type = classKey.equals(ConnectorConfig.HEADER_CONVERTER_CLASS_CONFIG)
                ? PluginType.HEADER_CONVERTER : PluginType.CONVERTER;
        String className = config.get(classKey);
        if (className == null) {
            Class<?> workerDefault = workerConfig.getClass(classKey);
            className = workerDefault == null ? null : workerDefault.getName();
        }
        Optional<PluginDescriptor> converter = settings.find(className, type);
        // The version of a converter that cannot be found is beside the point: Kafka Connect hides it.
        return converter.isEmpty() ? ConfigKeys.withRecommender(key, recommending(List.of(), false))
                : versionKey(key, converter);
    }

    /** A plugin version setting defaults to, and recommends, the installed version of its plugin. */
    private static ConfigKey versionKey(ConfigKey key, Optional<PluginDescriptor> plugin) {
        if (plugin.isEmpty()) {
            return ConfigKeys.withRecommender(key, recommending(List.of()));
        }
        String version = plugin.get().version();
        return ConfigKeys.withRecommender(ConfigKeys.withDefault(key, version), recommending(List.of(version)));
    }

    private void addAliasGroup(ConfigDef enriched, Map<String, String> config, String listPrefix, String alias,
                               PluginType type, String groupPrefix, String noun, String title) {
        String prefix = listPrefix + alias + ".";
        String group = groupPrefix + alias;
        Optional<PluginDescriptor> plugin = settings.find(config.get(prefix + "type"), type);
        List<Object> installed = new ArrayList<>(settings.classNames(type));
        enriched.define(new ConfigKey(prefix + "type", Type.CLASS, ConfigDef.NO_DEFAULT_VALUE, null,
                Importance.HIGH, "Class of the '" + alias + "' " + noun + ".", group, 0, Width.LONG,
                title + " type for " + alias, List.of(), recommending(installed), false));
        enriched.define(versionKey(new ConfigKey(prefix + "plugin.version", Type.STRING, null, null,
                Importance.HIGH, "Installed version of the '" + alias + "' " + noun + " to use.", group, 1,
                Width.LONG, title + " version for " + alias, List.of(), null, false), plugin));
        if (plugin.isEmpty()) {
            return;
        }
        ConfigDef own = new ConfigDef();
        settings.ownDefinition(plugin.get()).configKeys().values().forEach(own::define);
        if (type == PluginType.TRANSFORMATION) {
            own.define("negate", Type.BOOLEAN, false, Importance.MEDIUM,
                    "Whether to apply the transformation to the records the predicate does not match instead.");
            own.define("predicate", Type.STRING, null, Importance.MEDIUM,
                    "Alias of the predicate that decides which records this transformation applies to.");
        }
        // Embedding orders the plugin's settings (required, then by importance and name) and reports
        // their validation errors under the plugin's own key names, as Kafka Connect does.
        enriched.embed(prefix, group, 2, own);
    }

    private static ConfigDef.Recommender recommending(List<Object> values) {
        return recommending(values, true);
    }

    private static ConfigDef.Recommender recommending(List<Object> values, boolean visible) {
        return new ConfigDef.Recommender() {
            @Override
            public List<Object> validValues(String name, Map<String, Object> parsedConfig) {
                return values;
            }

            @Override
            public boolean visible(String name, Map<String, Object> parsedConfig) {
                return visible;
            }
        };
    }
}
