package org.apache.kafka.connect.connector.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.tributary.connect.reference.ReferenceProbe;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Our client config override policies give Apache Kafka 4.1.1's verdicts, error messages included. */
class OverridePoliciesDifferentialTest {

    private static final String PKG = "org.apache.kafka.connect.connector.policy.";
    private static final ReferenceProbe REFERENCE =
            ReferenceProbe.load(PolicyProbe.class, "connect-runtime.jar", "connect-api.jar");
    private static final PolicyProbe OURS = new PolicyProbe();

    @ParameterizedTest
    @ValueSource(strings = {"AllConnectorClientConfigOverridePolicy", "NoneConnectorClientConfigOverridePolicy",
            "PrincipalConnectorClientConfigOverridePolicy"})
    void givesTheSameVerdictsForEveryClientType(String policy) {
        Map<String, Object> overrides = new LinkedHashMap<>();
        overrides.put("sasl.jaas.config", "secret");
        overrides.put("sasl.mechanism", "PLAIN");
        overrides.put("security.protocol", "SASL_SSL");
        overrides.put("acks", "all");
        overrides.put("bootstrap.servers", "elsewhere:9092");
        overrides.put("max.poll.records", 10);
        overrides.put("empty", null);
        for (String clientType : List.of("PRODUCER", "CONSUMER", "ADMIN")) {
            assertThat(OURS.validate(PKG + policy, overrides, clientType))
                    .isEqualTo(REFERENCE.call("validate", PKG + policy, overrides, clientType));
            assertThat(OURS.validate(PKG + policy, Map.of(), clientType))
                    .isEqualTo(REFERENCE.call("validate", PKG + policy, Map.of(), clientType));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"AllConnectorClientConfigOverridePolicy", "NoneConnectorClientConfigOverridePolicy",
            "PrincipalConnectorClientConfigOverridePolicy"})
    void referenceSideIsApacheReportingItsVersion(String policy) throws ReflectiveOperationException {
        assertThat(REFERENCE.isIsolatedFrom(PolicyProbe.class)).isTrue();
        assertThat(REFERENCE.call("version", PKG + policy)).isEqualTo("4.1.1");
        assertThat(OURS.version(PKG + policy)).isEqualTo(org.apache.kafka.common.utils.AppInfoParser.getVersion());
    }
}
