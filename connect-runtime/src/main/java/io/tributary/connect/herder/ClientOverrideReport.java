package io.tributary.connect.herder;

import io.tributary.connect.config.ConnectorClientOverrides;
import io.tributary.connect.config.ConnectorConfig;
import io.tributary.connect.plugins.PluginDescriptor;
import io.tributary.connect.plugins.PluginType;
import io.tributary.connect.model.ConfigInfo;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.ConfigKey;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.connector.Connector;
import org.apache.kafka.connect.connector.policy.ConnectorClientConfigOverridePolicy;
import org.apache.kafka.connect.health.ConnectorType;

import java.util.List;
import java.util.Map;

/**
 * The part of a validate answer that reports client overrides the worker's policy refuses. As in
 * Kafka Connect, each refused setting appears under its prefixed name with the client's own
 * definition of the setting and the policy's message as its error.
 */
final class ClientOverrideReport {

    private final ConnectorClientConfigOverridePolicy policy;
    private final boolean topicCreationEnabled;

    ClientOverrideReport(ConnectorClientConfigOverridePolicy policy, boolean topicCreationEnabled) {
        this.policy = policy;
        this.topicCreationEnabled = topicCreationEnabled;
    }

    @SuppressWarnings("unchecked")
    List<ConfigInfo> refused(PluginDescriptor connector, Map<String, String> config) {
        if (policy == null) {
            return List.of();
        }
        ConnectorType type = connector.type() == PluginType.SINK ? ConnectorType.SINK : ConnectorType.SOURCE;
        return ConnectorClientOverrides.refused(config, (Class<? extends Connector>) connector.pluginClass(), type,
                        policy, topicCreationEnabled).stream()
                .map(refused -> {
                    String name = refused.name();
                    ConfigValue value = new ConfigValue(name, config.get(name), List.of(), refused.errorMessages());
                    return ConnectorConfigReport.info(clientKey(name), name, value);
                })
                .toList();
    }

    /** The client's own definition of an overridden setting; a bare string setting when it has none. */
    private static ConfigKey clientKey(String prefixedName) {
        String setting;
        ConfigDef clientDef;
        if (prefixedName.startsWith(ConnectorConfig.CONNECTOR_CLIENT_PRODUCER_OVERRIDES_PREFIX)) {
            setting = prefixedName.substring(ConnectorConfig.CONNECTOR_CLIENT_PRODUCER_OVERRIDES_PREFIX.length());
            clientDef = ProducerConfig.configDef();
        } else if (prefixedName.startsWith(ConnectorConfig.CONNECTOR_CLIENT_CONSUMER_OVERRIDES_PREFIX)) {
            setting = prefixedName.substring(ConnectorConfig.CONNECTOR_CLIENT_CONSUMER_OVERRIDES_PREFIX.length());
            clientDef = ConsumerConfig.configDef();
        } else {
            setting = prefixedName.substring(ConnectorConfig.CONNECTOR_CLIENT_ADMIN_OVERRIDES_PREFIX.length());
            clientDef = AdminClientConfig.configDef();
        }
        ConfigKey key = clientDef.configKeys().get(setting);
        if (key != null) {
            return key;
        }
        return new ConfigDef().define(setting, ConfigDef.Type.STRING, null, ConfigDef.Importance.LOW, "")
                .configKeys().get(setting);
    }
}
