package io.tributary.connect.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.connector.Connector;
import org.apache.kafka.connect.connector.policy.AllConnectorClientConfigOverridePolicy;
import org.apache.kafka.connect.connector.policy.ConnectorClientConfigOverridePolicy;
import org.apache.kafka.connect.connector.policy.NoneConnectorClientConfigOverridePolicy;
import org.apache.kafka.connect.connector.policy.PrincipalConnectorClientConfigOverridePolicy;
import org.apache.kafka.connect.file.FileStreamSinkConnector;
import org.apache.kafka.connect.file.FileStreamSourceConnector;
import org.apache.kafka.connect.health.ConnectorType;
import org.junit.jupiter.api.Test;

/** Which overrides are checked for which connector follows the reference runtime's validate answers. */
class ConnectorClientOverridesTest {

    @Test
    void theNonePolicyRefusesAnOverrideNamingTheKeyAndThePolicy() {
        List<ConfigValue> refused = sink(new NoneConnectorClientConfigOverridePolicy(),
                Map.of("consumer.override.max.poll.records", "10"));

        assertThat(refused).singleElement().satisfies(value -> {
            assertThat(value.name()).isEqualTo("consumer.override.max.poll.records");
            assertThat(value.errorMessages()).containsExactly("The 'None' policy does not allow 'max.poll.records' "
                    + "to be overridden in the connector configuration.");
        });
    }

    @Test
    void thePrincipalPolicyAllowsOnlySecuritySettings() {
        List<ConfigValue> refused = sink(new PrincipalConnectorClientConfigOverridePolicy(),
                Map.of("consumer.override.sasl.jaas.config", "x", "consumer.override.max.poll.records", "10"));

        assertThat(refused).extracting(ConfigValue::name).containsExactly("consumer.override.max.poll.records");
    }

    @Test
    void theAllPolicyRefusesNothing() {
        assertThat(sink(new AllConnectorClientConfigOverridePolicy(),
                Map.of("consumer.override.max.poll.records", "10"))).isEmpty();
    }

    @Test
    void aSinkWithoutDeadLetterQueueIgnoresProducerAndAdminOverrides() {
        assertThat(sink(new NoneConnectorClientConfigOverridePolicy(),
                Map.of("producer.override.linger.ms", "5", "admin.override.request.timeout.ms", "10"))).isEmpty();
    }

    @Test
    void aSinkWithDeadLetterQueueChecksProducerAndAdminOverrides() {
        List<ConfigValue> refused = sink(new NoneConnectorClientConfigOverridePolicy(),
                Map.of("errors.deadletterqueue.topic.name", "dlq", "producer.override.linger.ms", "5",
                        "admin.override.request.timeout.ms", "10"));

        assertThat(refused).extracting(ConfigValue::name)
                .containsExactlyInAnyOrder("producer.override.linger.ms", "admin.override.request.timeout.ms");
    }

    @Test
    void aSourceChecksItsProducerAndIgnoresConsumerOverrides() {
        List<ConfigValue> refused = source(Map.of("producer.override.linger.ms", "5",
                "consumer.override.max.poll.records", "5", "admin.override.request.timeout.ms", "10"), true);

        assertThat(refused).extracting(ConfigValue::name).containsExactly("producer.override.linger.ms");
    }

    @Test
    void aSourceThatCreatesTopicsChecksAdminOverrides() {
        Map<String, String> config = Map.of("topic.creation.default.partitions", "3",
                "admin.override.request.timeout.ms", "10");

        assertThat(source(config, true)).extracting(ConfigValue::name)
                .containsExactly("admin.override.request.timeout.ms");
        assertThat(source(config, false)).isEmpty();
    }

    private static List<ConfigValue> sink(ConnectorClientConfigOverridePolicy policy, Map<String, String> extra) {
        return refused(FileStreamSinkConnector.class, ConnectorType.SINK, policy, extra, true);
    }

    private static List<ConfigValue> source(Map<String, String> extra, boolean topicCreationEnabled) {
        return refused(FileStreamSourceConnector.class, ConnectorType.SOURCE,
                new NoneConnectorClientConfigOverridePolicy(), extra, topicCreationEnabled);
    }

    private static List<ConfigValue> refused(Class<? extends Connector> connectorClass, ConnectorType type,
                                             ConnectorClientConfigOverridePolicy policy, Map<String, String> extra,
                                             boolean topicCreationEnabled) {
        Map<String, String> config = new HashMap<>(extra);
        config.put("name", "ov");
        return ConnectorClientOverrides.refused(config, connectorClass, type, policy, topicCreationEnabled);
    }
}
