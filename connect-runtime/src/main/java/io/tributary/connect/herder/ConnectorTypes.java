package io.tributary.connect.herder;

import io.tributary.connect.config.ConnectorConfig;
import io.tributary.connect.model.ConnectorType;
import io.tributary.connect.plugins.Plugins;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The connector type (source or sink) of a connector config, for status and info answers; cached by class. */
final class ConnectorTypes {

    private final Plugins plugins;
    private final Map<String, ConnectorType> byClass = new ConcurrentHashMap<>();

    ConnectorTypes(Plugins plugins) {
        this.plugins = plugins;
    }

    ConnectorType of(Map<String, String> connectorConfig) {
        String className = connectorConfig == null ? null : connectorConfig.get(ConnectorConfig.CONNECTOR_CLASS_CONFIG);
        if (className == null) {
            return ConnectorType.UNKNOWN;
        }
        return byClass.computeIfAbsent(className, name -> {
            try {
                return ConnectorType.of(plugins.connectorClass(name));
            } catch (RuntimeException e) {
                return ConnectorType.UNKNOWN;
            }
        });
    }
}
