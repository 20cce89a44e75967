package io.tributary.connect.herder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

import io.tributary.connect.config.ConnectorClientOverrides;
import io.tributary.connect.config.ConnectorConfig;
import io.tributary.connect.config.SinkConnectorConfig;
import io.tributary.connect.config.SourceConnectorConfig;
import io.tributary.connect.config.TopicCreationConfig;
import io.tributary.connect.model.ConnectorType;
import io.tributary.connect.plugins.LoaderSwap;
import io.tributary.connect.plugins.PluginDescriptor;
import io.tributary.connect.plugins.PluginType;
import io.tributary.connect.plugins.Plugins;
import io.tributary.connect.worker.Worker;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.connector.Connector;
import org.apache.kafka.connect.connector.policy.ConnectorClientConfigOverridePolicy;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceConnector;

/**
 * Checks a connector configuration before the herder accepts it: the connector class, the common
 * connector settings, each transformation's and predicate's settings, sink topic rules and the
 * connector's own {@code validate}. Errors are reported together, worded as Apache Kafka Connect does.
 */
final class ConnectorConfigValidator {

    private final Plugins plugins;
    private final ConnectorClientConfigOverridePolicy overridePolicy;
    private final UnaryOperator<Map<String, String>> resolver;
    private final boolean topicCreationEnabled;
    private final ExactlyOnceSourceValidation exactlyOnce;

    /** Checks settings and plugins only: no client override policy, no config providers, no topic creation. */
    ConnectorConfigValidator(Plugins plugins) {
        this(plugins, null, UnaryOperator.identity(), false, null);
    }

    /** @param exactlyOnce the checks of source connectors' exactly-once settings, or null for none (standalone) */
    ConnectorConfigValidator(Plugins plugins, ConnectorClientConfigOverridePolicy overridePolicy,
                             UnaryOperator<Map<String, String>> resolver, boolean topicCreationEnabled,
                             ExactlyOnceSourceValidation exactlyOnce) {
        this.plugins = plugins;
        this.overridePolicy = overridePolicy;
        this.resolver = resolver;
        this.topicCreationEnabled = topicCreationEnabled;
        this.exactlyOnce = exactlyOnce;
    }

    /** Everything the worker will apply: its override policy, its config providers and its topic creation. */
    static ConnectorConfigValidator forWorker(Worker worker, ExactlyOnceSourceValidation exactlyOnce) {
        return new ConnectorConfigValidator(worker.plugins(), worker.overridePolicy(), worker::resolveConnectorConfig,
                worker.config().topicCreationEnable(), exactlyOnce);
    }

    /** The connector's type when the configuration is valid; references are resolved first, as tasks see them. */
    ConnectorType validate(Map<String, String> rawConfig) {
        if (rawConfig.get(ConnectorConfig.CONNECTOR_CLASS_CONFIG) == null) {
            // Apache's wording, plus the key to set, which its message leaves the user to guess.
            throw new BadRequestException("Connector config " + rawConfig + " contains no connector type: set "
                    + ConnectorConfig.CONNECTOR_CLASS_CONFIG + " to the connector's class name or alias");
        }
        Map<String, String> config;
        try {
            config = resolver.apply(rawConfig);
        } catch (ConfigException e) {
            throw new BadRequestException("Connector configuration refers to a value its config provider cannot "
                    + "supply: " + e.getMessage(), e);
        }
        String connectorClass = config.get(ConnectorConfig.CONNECTOR_CLASS_CONFIG);
        if (connectorClass == null) {
            // Apache's wording, plus the key to set, which its message leaves the user to guess.
            throw new BadRequestException("Connector config " + config + " contains no connector type: set "
                    + ConnectorConfig.CONNECTOR_CLASS_CONFIG + " to the connector's class name or alias");
        }
        PluginDescriptor descriptor;
        try {
            descriptor = plugins.connectorDescriptor(connectorClass);
        } catch (ConnectException e) {
            throw new BadRequestException("Invalid value " + connectorClass + " for configuration "
                    + ConnectorConfig.CONNECTOR_CLASS_CONFIG + ": " + e.getMessage(), e);
        }
        ConnectorType type = ConnectorType.of(descriptor.pluginClass());
        ConfigDef definition = type == ConnectorType.SINK ? SinkConnectorConfig.configDef()
                : SourceConnectorConfig.configDef();
        Map<String, List<String>> lateErrors = new LinkedHashMap<>();
        addPluginSettings(definition, config, ConnectorConfig.TRANSFORMS_CONFIG, PluginType.TRANSFORMATION, lateErrors);
        addPluginSettings(definition, config, ConnectorConfig.PREDICATES_CONFIG, PluginType.PREDICATE, lateErrors);

        Map<String, ConfigValue> values = new LinkedHashMap<>();
        definition.validate(config).forEach(value -> values.put(value.name(), value));
        lateErrors.forEach((key, messages) -> messages.forEach(message ->
                values.computeIfAbsent(key, ConfigValue::new).addErrorMessage(message)));
        if (type == ConnectorType.SINK) {
            SinkConnectorConfig.validate(config, values);
        } else if (exactlyOnce != null) {
            exactlyOnce.check(values, config,
                    (SourceConnector) plugins.newPlugin(descriptor.className(), descriptor.type()), descriptor.loader());
        }
        List<String> errors = mergedErrors(definition, values, descriptor, config);
        errors.addAll(workerRuleErrors(descriptor, type, config));
        if (!errors.isEmpty()) {
            throw new BadRequestException("Connector configuration is invalid and contains the following "
                    + errors.size() + " error(s):\n" + String.join("\n", errors) + "\n"
                    + "You can also find the above list of errors at the endpoint "
                    + "`/connector-plugins/{connectorType}/config/validate`");
        }
        return type;
    }

    /**
     * Adds {@code <prefix>.<alias>.type} and the plugin's own settings (under the same prefix) for each
     * listed alias, so that one validation pass reports their errors with full key names.
     */
    private void addPluginSettings(ConfigDef definition, Map<String, String> config, String listKey,
                                   PluginType pluginType, Map<String, List<String>> lateErrors) {
        String list = config.get(listKey);
        if (list == null) {
            return;
        }
        for (String alias : list.split(",")) {
            alias = alias.trim();
            if (alias.isEmpty()) {
                continue;
            }
            String prefix = listKey + "." + alias + ".";
            String typeKey = prefix + "type";
            if (definition.configKeys().containsKey(typeKey)) {
                continue; // a repeated alias, reported by the list's own validator
            }
            definition.define(typeKey, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, Importance.HIGH,
                    "Class of the " + pluginType.typeName() + " '" + alias + "'.");
            if (pluginType == PluginType.TRANSFORMATION) {
                definition.define(prefix + "predicate", Type.STRING, null, Importance.MEDIUM,
                        "Predicate deciding which records the transformation applies to.");
                definition.define(prefix + "negate", Type.BOOLEAN, false, Importance.MEDIUM,
                        "Whether the predicate's answer is inverted.");
                checkPredicateListed(config, prefix, lateErrors);
            }
            String className = config.get(typeKey);
            if (className == null || className.isBlank()) {
                continue;
            }
            Optional<ConfigDef> own = pluginConfig(className.trim(), pluginType);
            if (own.isEmpty()) {
                lateErrors.computeIfAbsent(typeKey, k -> new ArrayList<>()).add("Invalid value " + className
                        + " for configuration " + typeKey + ": Class " + className + " could not be found.");
            } else {
                ConfigDef settings = new ConfigDef();
                own.get().configKeys().values().stream()
                        .filter(key -> !definition.configKeys().containsKey(prefix + key.name))
                        .forEach(settings::define);
                definition.embed(prefix, "", 0, settings);
            }
        }
    }

    private static void checkPredicateListed(Map<String, String> config, String prefix,
                                             Map<String, List<String>> lateErrors) {
        String predicate = config.get(prefix + "predicate");
        if (predicate == null || predicate.isBlank()) {
            return;
        }
        String listed = config.getOrDefault(ConnectorConfig.PREDICATES_CONFIG, "");
        boolean found = List.of(listed.split(",")).stream().map(String::trim).anyMatch(predicate.trim()::equals);
        if (!found) {
            lateErrors.computeIfAbsent(prefix + "predicate", k -> new ArrayList<>()).add("Invalid value "
                    + predicate + " for configuration " + prefix + "predicate: there is no predicate with that alias "
                    + "in 'predicates'");
        }
    }

    private Optional<ConfigDef> pluginConfig(String className, PluginType pluginType) {
        Object plugin;
        try {
            plugin = plugins.newPlugin(className, pluginType);
        } catch (ConnectException e) {
            return Optional.empty();
        }
        try (LoaderSwap ignored = plugins.withClassLoader(plugin.getClass().getClassLoader())) {
            ConfigDef own = plugin instanceof org.apache.kafka.connect.transforms.Transformation<?> transformation
                    ? transformation.config()
                    : ((org.apache.kafka.connect.transforms.predicates.Predicate<?>) plugin).config();
            return Optional.of(own == null ? new ConfigDef() : own);
        }
    }

    /** Client overrides the worker's policy refuses, and topic creation settings it could not apply. */
    @SuppressWarnings("unchecked")
    private List<String> workerRuleErrors(PluginDescriptor descriptor, ConnectorType type, Map<String, String> config) {
        List<String> errors = new ArrayList<>();
        if (overridePolicy != null) {
            org.apache.kafka.connect.health.ConnectorType healthType = type == ConnectorType.SINK
                    ? org.apache.kafka.connect.health.ConnectorType.SINK
                    : org.apache.kafka.connect.health.ConnectorType.SOURCE;
            ConnectorClientOverrides.refused(config, (Class<? extends Connector>) descriptor.pluginClass(), healthType,
                    overridePolicy, topicCreationEnabled).forEach(value -> errors.addAll(value.errorMessages()));
        }
        // Kafka Connect only finds these when the connector starts; reporting them here is kinder.
        if (type == ConnectorType.SOURCE && topicCreationEnabled && SourceConnectorConfig.usesTopicCreation(config)) {
            try {
                TopicCreationConfig.groups(config);
            } catch (ConfigException e) {
                errors.add(e.getMessage());
            }
        }
        return errors;
    }

    /**
     * The errors of the common settings and of the connector's own validation, merged as Kafka Connect merges them:
     * where the connector reports a value for a key, its errors replace the worker's for that key. Errors of keys
     * neither definition has come first, then those of the common keys and the connector's own, in definition order.
     */
    private List<String> mergedErrors(ConfigDef common, Map<String, ConfigValue> commonValues,
                                      PluginDescriptor descriptor, Map<String, String> config) {
        Map<String, ConfigDef.ConfigKey> keys = new LinkedHashMap<>(common.configKeys());
        List<ConfigValue> values = new ArrayList<>(commonValues.values());
        Connector connector = (Connector) plugins.newPlugin(descriptor.className(), descriptor.type());
        try (LoaderSwap ignored = plugins.withClassLoader(descriptor.loader())) {
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
        List<String> errors = new ArrayList<>();
        Map<String, ConfigValue> latest = new LinkedHashMap<>();
        for (ConfigValue value : values) {
            latest.put(value.name(), value);
        }
        latest.values().stream().filter(value -> !keys.containsKey(value.name()))
                .forEach(value -> errors.addAll(value.errorMessages()));
        keys.keySet().forEach(key -> {
            ConfigValue value = latest.get(key);
            if (value != null) {
                errors.addAll(value.errorMessages());
            }
        });
        return errors;
    }
}
