package io.tributary.connect.config;

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
        List<ConfigValue> rejected = policy.validate(request).stream()
            .filter(value -> !value.errorMessages().isEmpty())
            .toList();
        if (!rejected.isEmpty()) {
            throw new ConnectException("Client Config Overrides not allowed " + rejected);
        }
        return overrides;
    }

    static String prefix(ClientType clientType) {
        return switch (clientType) {
            case PRODUCER -> ConnectorConfig.CONNECTOR_CLIENT_PRODUCER_OVERRIDES_PREFIX;
            case CONSUMER -> ConnectorConfig.CONNECTOR_CLIENT_CONSUMER_OVERRIDES_PREFIX;
            case ADMIN -> ConnectorConfig.CONNECTOR_CLIENT_ADMIN_OVERRIDES_PREFIX;
        };
    }
}
