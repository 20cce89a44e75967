package org.apache.kafka.connect.connector.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.health.ConnectorType;
import org.junit.jupiter.api.Test;

class OverridePoliciesTest {

    private static final Map<String, Object> OVERRIDES = new LinkedHashMap<>(Map.of("sasl.mechanism", "PLAIN"));

    static {
        OVERRIDES.put("acks", "all");
    }

    @Test
    void allAcceptsEveryOverride() {
        assertThat(verdicts(new AllConnectorClientConfigOverridePolicy()))
                .allSatisfy(v -> assertThat(v.errorMessages()).isEmpty());
    }

    @Test
    void noneRefusesEveryOverrideNamingThePolicyAndProperty() {
        List<ConfigValue> verdicts = verdicts(new NoneConnectorClientConfigOverridePolicy());

        assertThat(verdicts).extracting(ConfigValue::errorMessages).containsExactly(
                List.of("The 'None' policy does not allow 'sasl.mechanism' to be overridden in the connector "
                        + "configuration."),
                List.of("The 'None' policy does not allow 'acks' to be overridden in the connector configuration."));
    }

    @Test
    void principalAcceptsOnlyIdentityProperties() {
        List<ConfigValue> verdicts = verdicts(new PrincipalConnectorClientConfigOverridePolicy());

        assertThat(verdicts.get(0).errorMessages()).isEmpty();
        assertThat(verdicts.get(1).errorMessages()).hasSize(1);
    }

    @Test
    void policiesAreDiscoverableThroughTheServiceLoader() {
        assertThat(ServiceLoader.load(ConnectorClientConfigOverridePolicy.class).stream()
                .map(ServiceLoader.Provider::type))
                .contains(AllConnectorClientConfigOverridePolicy.class, NoneConnectorClientConfigOverridePolicy.class,
                        PrincipalConnectorClientConfigOverridePolicy.class);
    }

    private static List<ConfigValue> verdicts(ConnectorClientConfigOverridePolicy policy) {
        policy.configure(Map.of());
        return policy.validate(new ConnectorClientConfigRequest("c", ConnectorType.SINK, null,
                OVERRIDES, ConnectorClientConfigRequest.ClientType.CONSUMER));
    }
}
