package io.tributary.connect.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.connector.Connector;
import org.apache.kafka.connect.connector.policy.ConnectorClientConfigOverridePolicy;
import org.apache.kafka.connect.connector.policy.ConnectorClientConfigRequest;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.health.ConnectorType;
import org.apache.kafka.connect.source.SourceConnector;
import org.junit.jupiter.api.Test;

class WorkerClientConfigsTest {

    /** Allows everything, or nothing, like the 'All' and 'None' policies. */
    private static ConnectorClientConfigOverridePolicy policy(boolean allow) {
        return new ConnectorClientConfigOverridePolicy() {
            @Override
            public List<ConfigValue> validate(ConnectorClientConfigRequest request) {
                return request.clientProps().entrySet().stream().map(e -> {
                    ConfigValue value = new ConfigValue(e.getKey(), e.getValue(), List.of(), new ArrayList<>());
                    if (!allow) {
                        value.addErrorMessage("not allowed");
                    }
                    return value;
                }).toList();
            }

            @Override
            public void configure(Map<String, ?> configs) {
            }

            @Override
            public void close() {
            }
        };
    }

    private static StandaloneConfig worker(String... keyValues) {
        Map<String, String> props = new HashMap<>();
        props.put("bootstrap.servers", "b1:9092, b2:9092");
        props.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
        props.put("value.converter", "org.apache.kafka.connect.storage.StringConverter");
        props.put("offset.storage.file.filename", "/tmp/offsets");
        for (int i = 0; i < keyValues.length; i += 2) {
            props.put(keyValues[i], keyValues[i + 1]);
        }
        return new StandaloneConfig(props);
    }

    private static ConnectorClientOverrides overrides(boolean allow, String... keyValues) {
        Map<String, String> props = new HashMap<>();
        props.put("name", "conn");
        props.put("connector.class", "Whatever");
        for (int i = 0; i < keyValues.length; i += 2) {
            props.put(keyValues[i], keyValues[i + 1]);
        }
        Class<? extends Connector> connectorClass = SourceConnector.class;
        return ConnectorClientOverrides.of(new ConnectorConfig(props), connectorClass, ConnectorType.SOURCE,
            policy(allow));
    }

    @Test
    void sourceProducerGetsSafeDefaults() {
        Map<String, Object> props = new WorkerClientConfigs(worker(), "cluster-1")
            .producer("connector-producer-conn-0", ConnectorClientOverrides.none());

        assertThat(props).containsEntry("bootstrap.servers", "b1:9092,b2:9092")
            .containsEntry("acks", "all")
            .containsEntry("max.in.flight.requests.per.connection", "5")
            .containsEntry("delivery.timeout.ms", Integer.toString(Integer.MAX_VALUE))
            .containsEntry("max.block.ms", Long.toString(Long.MAX_VALUE))
            .containsEntry("enable.idempotence", "true")
            .containsEntry("compression.type", "lz4")
            .containsEntry("batch.size", Integer.toString(64 * 1024))
            .containsEntry("linger.ms", "5")
            .containsEntry("key.serializer", "org.apache.kafka.common.serialization.ByteArraySerializer")
            .containsEntry("client.id", "connector-producer-conn-0")
            .containsEntry("metrics.context.connect.kafka.cluster.id", "cluster-1");
    }

    @Test
    void sourceProducerBufferIsFourMebibytesByDefault() {
        Map<String, Object> props = new WorkerClientConfigs(worker(), "c").producer("p", ConnectorClientOverrides.none());

        assertThat(props).containsEntry("buffer.memory", Long.toString(4L * 1024 * 1024));
    }

    @Test
    void sourceProducerBufferGrowsToHoldTwiceTheLargestRequestTheUserAllows() {
        Map<String, Object> props = new WorkerClientConfigs(worker(), "c")
            .producer("p", overrides(true, "producer.override.max.request.size", "10485760"));

        assertThat(props).containsEntry("buffer.memory", Long.toString(2L * 10485760));
    }

    @Test
    void sourceProducerBufferKeepsRoomForAnOpenBatchOnEachOf64Partitions() {
        Map<String, Object> props = new WorkerClientConfigs(worker("producer.batch.size", "262144"), "c")
            .producer("p", ConnectorClientOverrides.none());

        assertThat(props).containsEntry("batch.size", "262144")
            .containsEntry("buffer.memory", Long.toString(64L * 262144));
    }

    @Test
    void sourceProducerBufferChosenByTheUserIsKept() {
        Map<String, Object> props = new WorkerClientConfigs(worker("producer.buffer.memory", "1000000"), "c")
            .producer("p", ConnectorClientOverrides.none());

        assertThat(props).containsEntry("buffer.memory", "1000000");
    }

    @Test
    void workerProducerSettingsReplaceDefaultsAndConnectorOverridesReplaceBoth() {
        Map<String, Object> props = new WorkerClientConfigs(worker("producer.acks", "1", "producer.linger.ms", "7"),
            "cluster-1").producer("p", overrides(true, "producer.override.linger.ms", "9"));

        assertThat(props).containsEntry("acks", "1").containsEntry("linger.ms", "9");
    }

    @Test
    void userSettingsThatRuleOutIdempotenceTurnItOffAndKeepOrderWithOneRequestInFlight() {
        Map<String, Object> props = new WorkerClientConfigs(worker("producer.acks", "1"), "c")
            .producer("p", ConnectorClientOverrides.none());

        assertThat(props).containsEntry("enable.idempotence", "false")
            .containsEntry("max.in.flight.requests.per.connection", "1");
    }

    @Test
    void moreThanFiveRequestsInFlightChosenByTheUserTurnIdempotenceOff() {
        Map<String, Object> props = new WorkerClientConfigs(worker(), "c")
            .producer("p", overrides(true, "producer.override.max.in.flight.requests.per.connection", "8"));

        assertThat(props).containsEntry("enable.idempotence", "false")
            .containsEntry("max.in.flight.requests.per.connection", "8");
    }

    @Test
    void idempotenceChosenByTheUserIsLeftForTheProducerToCheck() {
        Map<String, Object> props = new WorkerClientConfigs(worker("producer.acks", "1",
            "producer.enable.idempotence", "true"), "c").producer("p", ConnectorClientOverrides.none());

        assertThat(props).containsEntry("enable.idempotence", "true")
            .containsEntry("max.in.flight.requests.per.connection", "5");
    }

    @Test
    void workerMetricsContextIsPassedToClients() {
        Map<String, Object> props = new WorkerClientConfigs(worker("metrics.context.region", "eu"), "c")
            .producer("p", ConnectorClientOverrides.none());

        assertThat(props).containsEntry("metrics.context.region", "eu");
    }

    @Test
    void sinkConsumerUsesConnectorGroupAndManualCommits() {
        Map<String, Object> props = new WorkerClientConfigs(worker("consumer.max.poll.records", "11"), "c")
            .sinkConsumer("conn", "connector-consumer-conn-0", overrides(true, "consumer.override.fetch.min.bytes",
                "5"));

        assertThat(props).containsEntry("group.id", "connect-conn")
            .containsEntry("enable.auto.commit", "false")
            .containsEntry("auto.offset.reset", "earliest")
            .containsEntry("key.deserializer", "org.apache.kafka.common.serialization.ByteArrayDeserializer")
            .containsEntry("max.poll.records", "11")
            .containsEntry("fetch.min.bytes", "5");
    }

    @Test
    void sinkConsumerFetchesInLargerBatchesByDefault() {
        Map<String, Object> props = new WorkerClientConfigs(worker(), "c")
            .sinkConsumer("conn", "cid", ConnectorClientOverrides.none());

        assertThat(props).containsEntry("max.poll.records", "2000")
            .containsEntry("max.partition.fetch.bytes", "491520")
            .containsEntry("receive.buffer.bytes", "-1");
    }

    @Test
    void connectorOverridesReplaceTheSinkFetchDefaults() {
        Map<String, Object> props = new WorkerClientConfigs(worker("consumer.receive.buffer.bytes", "65536"), "c")
            .sinkConsumer("conn", "cid", overrides(true, "consumer.override.max.partition.fetch.bytes", "1048576"));

        assertThat(props).containsEntry("receive.buffer.bytes", "65536")
            .containsEntry("max.partition.fetch.bytes", "1048576");
    }

    @Test
    void sourceOffsetsConsumerReadsOnlyCommittedRecords() {
        Map<String, Object> props = new WorkerClientConfigs(worker(), "c")
            .sourceOffsetsConsumer("conn", "cid", ConnectorClientOverrides.none());

        assertThat(props).containsEntry("isolation.level", "read_committed");
    }

    @Test
    void adminInheritsPlainWorkerSettingsButNotOtherClientsPrefixes() {
        Map<String, Object> props = new WorkerClientConfigs(worker("ssl.keystore.location", "/ks",
            "producer.linger.ms", "7", "admin.request.timeout.ms", "1234"), "c")
            .admin("connector-adminclient-conn-0", overrides(true, "admin.override.retries", "4"));

        assertThat(props).containsEntry("ssl.keystore.location", "/ks")
            .containsEntry("request.timeout.ms", "1234")
            .containsEntry("retries", "4")
            .containsEntry("client.id", "connector-adminclient-conn-0")
            .doesNotContainKeys("producer.linger.ms", "linger.ms", "admin.request.timeout.ms");
    }

    @Test
    void exactlyOnceProducerForcesIdempotenceAndTransactionalIdOverOverrides() {
        Map<String, Object> props = new WorkerClientConfigs(worker(), "c").exactlyOnceProducer("conn", 3,
            overrides(true, "producer.override.enable.idempotence", "false",
                "producer.override.transactional.id", "mine"));

        assertThat(props).containsEntry("enable.idempotence", "true")
            .containsEntry("transactional.id", "null-conn-3")
            .containsEntry("client.id", "connector-producer-conn-3");
    }

    @Test
    void overridesRejectedByPolicyFailWithEachRejectedSetting() {
        WorkerClientConfigs clients = new WorkerClientConfigs(worker(), "c");
        ConnectorClientOverrides rejected = overrides(false, "producer.override.batch.size", "99");

        assertThatThrownBy(() -> clients.producer("p", rejected))
            .isInstanceOf(ConnectException.class)
            .hasMessageContaining("batch.size");
    }

    @Test
    void transactionalIdJoinsGroupConnectorAndTask() {
        assertThat(WorkerClientConfigs.taskTransactionalId("grp", "conn", 3)).isEqualTo("grp-conn-3");
    }
}
