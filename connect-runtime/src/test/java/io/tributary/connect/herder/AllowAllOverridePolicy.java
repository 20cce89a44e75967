package io.tributary.connect.herder;

import java.util.List;
import java.util.Map;

import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.connector.policy.ConnectorClientConfigOverridePolicy;
import org.apache.kafka.connect.connector.policy.ConnectorClientConfigRequest;

/** Lets connectors override any client setting; the tests do not exercise the policy. */
public final class AllowAllOverridePolicy implements ConnectorClientConfigOverridePolicy {

    @Override
    public List<ConfigValue> validate(ConnectorClientConfigRequest request) {
        return request.clientProps().keySet().stream().map(ConfigValue::new).toList();
    }

    @Override
    public void configure(Map<String, ?> configs) {
    }

    @Override
    public void close() {
    }
}
