package io.tributary.connect.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.connector.Connector;
import org.apache.kafka.connect.connector.policy.ConnectorClientConfigOverridePolicy;
import org.apache.kafka.connect.connector.policy.ConnectorClientConfigRequest;
import org.apache.kafka.connect.connector.policy.ConnectorClientConfigRequest.ClientType;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.health.ConnectorType;

/**
 * A connector's client settings ({@code producer.override.*}, {@code consumer.override.*},
 * {@code admin.override.*}), released per client only after the worker's override policy allowed them.
 */
public final class ConnectorClientOverrides {

    private static final ConnectorClientOverrides NONE = new ConnectorClientOverrides(null, null, null, null);

    private final ConnectorConfig connectorConfig;
    private final Class<? extends Connector> connectorClass;
    private final ConnectorType connectorType;
    private final ConnectorClientConfigOverridePolicy policy;

    private ConnectorClientOverrides(ConnectorConfig connectorConfig, Class<? extends Connector> connectorClass,
                                     ConnectorType connectorType, ConnectorClientConfigOverridePolicy policy) {
        this.connectorConfig = connectorConfig;
        this.connectorClass = connectorClass;
        this.connectorType = connectorType;
        this.policy = policy;
    }

    /** No overrides: for clients the worker makes for itself. */
    public static ConnectorClientOverrides none() {
        return NONE;
    }

    public static ConnectorClientOverrides of(ConnectorConfig connectorConfig,
                                              Class<? extends Connector> connectorClass,
                                              ConnectorType connectorType,
                                              ConnectorClientConfigOverridePolicy policy) {
        return new ConnectorClientOverrides(connectorConfig, connectorClass, connectorType, policy);
    }

    /**
     * The overrides for one kind of client, prefix removed.
     *
     * @throws ConnectException if the policy rejects any of them, listing each rejected setting
     */
    public Map<String, Object> forClient(ClientType clientType) {
        if (connectorConfig == null) {
            return Map.of();
        }
        Map<String, Object> overrides = connectorConfig.originalsWithPrefix(prefix(clientType));
        if (overrides.isEmpty()) {
            return overrides;
        }
        ConnectorClientConfigRequest request = new ConnectorClientConfigRequest(
            connectorConfig.connectorName(), connectorType, connectorClass, overrides, clientType);
        List<String> rejected = policy.validate(request).stream()
            .filter(value -> !value.errorMessages().isEmpty())
            .map(value -> prefix(clientType) + value.name() + ": " + String.join(" ", value.errorMessages()))
            .toList();
        if (!rejected.isEmpty()) {
            throw new ConnectException("Client Config Overrides not allowed: " + String.join("; ", rejected));
        }
        return overrides;
    }

    /**
     * What the policy says about the overrides of the clients this connector will have: a source's producer
     * (and admin when it creates topics), a sink's consumer (and the admin and producer of its dead letter
     * queue). Overrides of clients the connector never gets are ignored, as Kafka Connect does.
     *
     * @return one entry per refused setting, named with its prefix, carrying the policy's message
     */
    public static List<ConfigValue> refused(Map<String, String> config, Class<? extends Connector> connectorClass,
                                            ConnectorType connectorType,
                                            ConnectorClientConfigOverridePolicy policy, boolean topicCreationEnabled) {
        List<ClientType> clients = new ArrayList<>();
        if (connectorType == ConnectorType.SOURCE) {
            clients.add(ClientType.PRODUCER);
            if (topicCreationEnabled && SourceConnectorConfig.usesTopicCreation(config)) {
                clients.add(ClientType.ADMIN);
            }
        } else if (connectorType == ConnectorType.SINK) {
            clients.add(ClientType.CONSUMER);
            if (SinkConnectorConfig.hasDlqTopicConfig(config)) {
                clients.add(ClientType.ADMIN);
                clients.add(ClientType.PRODUCER);
            }
        }
        List<ConfigValue> refused = new ArrayList<>();
        for (ClientType client : clients) {
            Map<String, Object> overrides = withoutPrefix(config, prefix(client));
            if (overrides.isEmpty()) {
                continue;
            }
            ConnectorClientConfigRequest request = new ConnectorClientConfigRequest(
                config.get(ConnectorConfig.NAME_CONFIG), connectorType, connectorClass, overrides, client);
            for (ConfigValue value : policy.validate(request)) {
                if (!value.errorMessages().isEmpty()) {
                    ConfigValue named = new ConfigValue(prefix(client) + value.name());
                    value.errorMessages().forEach(named::addErrorMessage);
                    refused.add(named);
                }
            }
        }
        return refused;
    }

    private static Map<String, Object> withoutPrefix(Map<String, String> config, String prefix) {
        Map<String, Object> settings = new LinkedHashMap<>();
        config.forEach((key, value) -> {
            if (key.startsWith(prefix)) {
                settings.put(key.substring(prefix.length()), value);
            }
        });
        return settings;
    }

    static String prefix(ClientType clientType) {
        return switch (clientType) {
            case PRODUCER -> ConnectorConfig.CONNECTOR_CLIENT_PRODUCER_OVERRIDES_PREFIX;
            case CONSUMER -> ConnectorConfig.CONNECTOR_CLIENT_CONSUMER_OVERRIDES_PREFIX;
            case ADMIN -> ConnectorConfig.CONNECTOR_CLIENT_ADMIN_OVERRIDES_PREFIX;
        };
    }
}
