package io.tributary.connect.herder;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.tributary.connect.config.ConnectorConfig;
import io.tributary.connect.plugins.LoaderSwap;
import io.tributary.connect.plugins.PluginDescriptor;
import io.tributary.connect.plugins.PluginType;
import io.tributary.connect.model.ConfigInfo;
import io.tributary.connect.model.ConfigInfos;
import io.tributary.connect.model.ConfigKeyInfo;
import io.tributary.connect.model.ConfigValueInfo;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.ConfigKey;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.connector.Connector;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceConnector;

/**
 * PUT /connector-plugins/{plugin}/config/validate: every setting of a connector configuration with its
 * definition, value, recommendations and errors. In order: the common settings (with a group per
 * transformation and predicate alias), the connector's own settings, then the settings of each converter the
 * configuration names (under "key.converter." and so on).
 */
final class ConnectorConfigReport {

    private static final Map<String, PluginType> CONVERTERS = new LinkedHashMap<>();

    static {
        // Listed in this order by Kafka Connect.
        CONVERTERS.put(ConnectorConfig.HEADER_CONVERTER_CLASS_CONFIG, PluginType.HEADER_CONVERTER);
        CONVERTERS.put(ConnectorConfig.KEY_CONVERTER_CLASS_CONFIG, PluginType.CONVERTER);
        CONVERTERS.put(ConnectorConfig.VALUE_CONVERTER_CLASS_CONFIG, PluginType.CONVERTER);
    }

    private final PluginSettings settings;
    private final EnrichedConnectorDefinition definitions;
    private final ClientOverrideReport overrides;
    private final ExactlyOnceSourceValidation exactlyOnce;

    /** @param exactlyOnce the checks of source connectors' exactly-once settings, or null for none (standalone) */
    ConnectorConfigReport(PluginSettings settings, EnrichedConnectorDefinition definitions,
                          ClientOverrideReport overrides, ExactlyOnceSourceValidation exactlyOnce) {
        this.settings = settings;
        this.definitions = definitions;
        this.overrides = overrides;
        this.exactlyOnce = exactlyOnce;
    }

    ConfigInfos validate(Map<String, String> config) {
        String connectorClass = config.get(ConnectorConfig.CONNECTOR_CLASS_CONFIG);
        if (connectorClass == null) {
            throw new BadRequestException("Connector config " + config + " contains no connector type: set "
                    + ConnectorConfig.CONNECTOR_CLASS_CONFIG + " to the connector's class name or alias");
        }
        PluginDescriptor connector;
        try {
            connector = settings.plugins().connectorDescriptor(connectorClass);
        } catch (ConnectException e) {
            throw new BadRequestException(e.getMessage(), e);
        }
        List<ConfigInfo> configs = new ArrayList<>();
        // Class settings may name plugins by alias: parse them with the loader that knows every plugin.
        try (LoaderSwap ignored = settings.plugins().withClassLoader(settings.plugins().delegatingLoader())) {
            configs.addAll(commonAndConnectorOwn(connector, config));
            addConverters(configs, config);
            configs.addAll(overrides.refused(connector, config));
        }
        Set<String> groups = new LinkedHashSet<>();
        int errors = 0;
        for (ConfigInfo info : configs) {
            if (info.definition() != null && info.definition().group() != null) {
                groups.add(info.definition().group());
            }
            errors += info.value().errors().size();
        }
        return new ConfigInfos(connectorClass, errors, List.copyOf(groups), configs);
    }

    /**
     * The common settings and the connector's own, merged as Kafka Connect merges them: one entry per key, in the
     * order of the common definition followed by the connector's new keys. Where the connector defines a common key
     * again (MirrorMaker 2's connectors define them all), its definition is shown; where its validation reports a
     * value for a key, that value replaces the worker's. Values it reports for keys neither side defines come first,
     * without a definition.
     */
    private List<ConfigInfo> commonAndConnectorOwn(PluginDescriptor descriptor, Map<String, String> config) {
        ConfigDef common = definitions.build(descriptor, config);
        Map<String, ConfigValue> commonValues = byName(common.validate(config));
        if (descriptor.type() == PluginType.SINK) {
            SinkTopicsRules.check(config, commonValues);
        } else if (exactlyOnce != null && descriptor.type() == PluginType.SOURCE) {
            exactlyOnce.check(commonValues, config,
                    (SourceConnector) settings.plugins().newPlugin(descriptor.className(), descriptor.type()),
                    descriptor.loader());
        }
        List<ConfigValue> values = new ArrayList<>(commonValues.values());
        Map<String, ConfigKey> keys = new LinkedHashMap<>(common.configKeys());
        Connector connector = (Connector) settings.plugins().newPlugin(descriptor.className(), descriptor.type());
        try (LoaderSwap ignored = settings.plugins().withClassLoader(descriptor.loader())) {
            ConfigDef own = connector.config();
            if (own != null) {
                keys.putAll(own.configKeys());
            }
            Config validated = connector.validate(config);
            if (validated != null) {
                values.addAll(validated.configValues());
            }
        } catch (RuntimeException e) {
            throw new BadRequestException("Connector " + descriptor.className() + " could not validate its "
                    + "configuration: " + e.getMessage(), e);
        }
        List<ConfigInfo> infos = new ArrayList<>();
        Map<String, ConfigValue> latest = new HashMap<>();
        for (ConfigValue value : values) {
            latest.put(value.name(), value);
            if (!keys.containsKey(value.name())) {
                infos.add(new ConfigInfo(null, valueInfo(value.name(), value, null)));
            }
        }
        keys.values().forEach(key -> infos.add(info(key, key.name, latest.get(key.name))));
        return infos;
    }

    /** A converter's settings are validated as the worker would configure it: with converter.type set. */
    private void addConverters(List<ConfigInfo> configs, Map<String, String> config) {
        CONVERTERS.forEach((classKey, type) -> {
            Optional<PluginDescriptor> converter = settings.find(config.get(classKey), type);
            if (converter.isEmpty()) {
                return;
            }
            String prefix = classKey + ".";
            Map<String, String> props = new HashMap<>();
            config.forEach((key, value) -> {
                if (key.startsWith(prefix)) {
                    props.put(key.substring(prefix.length()), value);
                }
            });
            props.put("converter.type", classKey.substring(0, classKey.indexOf('.')));
            ConfigDef definition = settings.ownDefinition(converter.get());
            Map<String, ConfigValue> values = byName(definition.validate(props));
            // Kafka Connect lists these in hash order of their names; doing the same keeps answers comparable.
            // Filled one by one: a HashMap copied whole would size its table differently and iterate otherwise.
            Map<String, ConfigKey> hashed = new HashMap<>();
            definition.configKeys().forEach(hashed::put);
            hashed.values().forEach(key -> configs.add(info(key, prefix + key.name, values.get(key.name))));
        });
    }

    static ConfigInfo info(ConfigKey key, String name, ConfigValue value) {
        ConfigKeyInfo definition = ConfigKeyInfo.of(key);
        if (!name.equals(key.name)) {
            definition = new ConfigKeyInfo(name, definition.type(), definition.required(), definition.defaultValue(),
                    definition.importance(), definition.documentation(), definition.group(), definition.order(),
                    definition.width(), definition.displayName(), definition.dependents());
        }
        if (value == null) {
            return new ConfigInfo(definition, new ConfigValueInfo(name, null, List.of(), List.of(), true));
        }
        return new ConfigInfo(definition, valueInfo(name, value, key.type));
    }

    /** @param type the type of the key the value belongs to, or null when no definition has the key */
    private static ConfigValueInfo valueInfo(String name, ConfigValue value, ConfigDef.Type type) {
        List<String> recommended = value.recommendedValues() == null ? List.of()
                : value.recommendedValues().stream().map(v -> asString(v, type)).toList();
        return new ConfigValueInfo(name, asString(value.value(), type), recommended,
                List.copyOf(value.errorMessages()), value.visible());
    }

    private static String asString(Object value, ConfigDef.Type type) {
        if (value == null) {
            return null;
        }
        if (value instanceof String text) {
            return text;
        }
        try {
            return ConfigDef.convertToString(value, type);
        } catch (RuntimeException e) {
            return value.toString();
        }
    }

    private static Map<String, ConfigValue> byName(List<ConfigValue> values) {
        Map<String, ConfigValue> byName = new LinkedHashMap<>();
        values.forEach(value -> byName.put(value.name(), value));
        return byName;
    }
}
