package org.apache.kafka.connect.connector.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.common.utils.AppInfoParser;
import org.apache.kafka.connect.components.Versioned;

/**
 * Judges each requested client override on its own: subclasses say whether one property may be
 * overridden, and each refused property gets an error message naming the policy.
 */
public abstract class AbstractConnectorClientConfigOverridePolicy implements ConnectorClientConfigOverridePolicy,
        Versioned {

    @Override
    public String version() {
        return AppInfoParser.getVersion();
    }

    @Override
    public void close() {
    }

    @Override
    public final List<ConfigValue> validate(ConnectorClientConfigRequest connectorClientConfigRequest) {
        Map<String, Object> requested = connectorClientConfigRequest.clientProps();
        List<ConfigValue> results = new ArrayList<>(requested.size());
        for (Map.Entry<String, Object> entry : requested.entrySet()) {
            ConfigValue result = configValue(entry);
            validate(result);
            results.add(result);
        }
        return results;
    }

    protected ConfigValue configValue(Map.Entry<String, Object> configEntry) {
        return new ConfigValue(configEntry.getKey(), configEntry.getValue(), new ArrayList<>(), new ArrayList<>());
    }

    protected void validate(ConfigValue configValue) {
        if (!isAllowed(configValue)) {
            configValue.addErrorMessage("The '" + policyName() + "' policy does not allow '" + configValue.name()
                    + "' to be overridden in the connector configuration.");
        }
    }

    protected abstract String policyName();

    protected abstract boolean isAllowed(ConfigValue configValue);
}
