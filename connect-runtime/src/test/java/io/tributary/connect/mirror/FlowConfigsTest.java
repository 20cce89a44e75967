package io.tributary.connect.mirror;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.connect.connector.Connector;
import org.junit.jupiter.api.Test;

/**
 * The worker and connector configs derived for each flow equal, key for key, what Apache's dedicated MirrorMaker 2
 * derives from the same file (recorded from {@code MirrorMakerConfig.workerConfig} and {@code connectorBaseConfig}
 * of connect-mirror 4.1.1): the flow's Connect group, internal topics, converters and client ids, the clusters'
 * connection and client settings, and the flow's own settings.
 */
class FlowConfigsTest {

    private static final Map<String, String> FILE = props(
            "clusters", "A, B",
            "A.bootstrap.servers", "a:9092",
            "B.bootstrap.servers", "b:9092",
            "A->B.enabled", "true",
            "A->B.topics", "orders.*",
            "A->B.groups", "g1",
            "replication.factor", "1",
            "offset.storage.replication.factor", "1",
            "A.security.protocol", "PLAINTEXT",
            "A.consumer.max.poll.records", "7",
            "B.ssl.truststore.location", "/x",
            "B.producer.acks", "all",
            "B.offset.flush.interval.ms", "500",
            "sync.group.offsets.enabled", "true",
            "tasks.max", "3",
            "foo.bar", "baz",
            "key.converter.schemas.enable", "false",
            "sasl.mechanism", "PLAIN",
            "offset.flush.interval.ms", "2000");

    private final MirrorMakerSettings settings = new MirrorMakerSettings(FILE);
    private final FlowConfigs configs = new FlowConfigs(settings);

    @Test
    void theWorkerOfAFlowRunsOnTheTargetInAGroupAndTopicsNamedAfterTheSource() {
        assertThat(configs.workerConfig(new Flow("A", "B"))).isEqualTo(WORKER_A_TO_B);
    }

    @Test
    void anEnabledFlowsConnectorGetsBothClustersSettingsAndTheFlowsOwn() {
        assertThat(configs.connectorConfig(new Flow("A", "B"), MirrorMaker.CONNECTOR_CLASSES.get(0), mirrorSettings()))
                .isEqualTo(SOURCE_CONNECTOR_A_TO_B);
    }

    @Test
    void aFlowThatOnlyEmitsHeartbeatsHasItsConnectorsDisabled() {
        assertThat(configs.connectorConfig(new Flow("B", "A"), MirrorMaker.CONNECTOR_CLASSES.get(2), mirrorSettings()))
                .isEqualTo(CHECKPOINT_CONNECTOR_B_TO_A);
    }

    @Test
    void everyPairGetsAHerderWhileHeartbeatsAreOnAndOnlyEnabledFlowsOtherwise() {
        assertThat(settings.flows()).containsExactly(new Flow("A", "B"), new Flow("B", "A"));
        Map<String, String> noHeartbeats = new LinkedHashMap<>(FILE);
        noHeartbeats.put("emit.heartbeats.enabled", "false");
        assertThat(new MirrorMakerSettings(noHeartbeats).flows()).containsExactly(new Flow("A", "B"));
        noHeartbeats.put("B->A.emit.heartbeats.enabled", "true");
        assertThat(new MirrorMakerSettings(noHeartbeats).flows()).containsExactly(new Flow("A", "B"), new Flow("B", "A"));
    }

    @Test
    void flowsAreNamedAsMirrorMakerNamesThemAndServedUnderTheirAliases() {
        assertThat(new Flow("A", "B")).hasToString("A->B");
        assertThat(new Flow("us east", "B").restPath()).isEqualTo("/us%20east/B");
    }

    /** The names the connectors on the class path define, as the driver reads them from its plugins. */
    static Set<String> mirrorSettings() {
        Set<String> names = new HashSet<>();
        for (String connectorClass : MirrorMaker.CONNECTOR_CLASSES) {
            try {
                Connector connector = (Connector) Class.forName(connectorClass).getConstructor().newInstance();
                names.addAll(connector.config().names());
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(e);
            }
        }
        return names;
    }

    static Map<String, String> props(String... keysAndValues) {
        Map<String, String> props = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            props.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return props;
    }

    /** Apache's MirrorMakerConfig (4.1.1) answer: worker A->B. */
    private static final Map<String, String> WORKER_A_TO_B = Map.ofEntries(
            entry("admin.bootstrap.servers", "b:9092"),
            entry("admin.sasl.mechanism", "PLAIN"),
            entry("admin.ssl.truststore.location", "/x"),
            entry("bootstrap.servers", "b:9092"),
            entry("client.id", "A->B"),
            entry("config.storage.topic", "mm2-configs.A.internal"),
            entry("consumer.bootstrap.servers", "b:9092"),
            entry("consumer.sasl.mechanism", "PLAIN"),
            entry("consumer.ssl.truststore.location", "/x"),
            entry("group.id", "A-mm2"),
            entry("header.converter", "org.apache.kafka.connect.converters.ByteArrayConverter"),
            entry("key.converter", "org.apache.kafka.connect.converters.ByteArrayConverter"),
            entry("key.converter.schemas.enable", "false"),
            entry("offset.flush.interval.ms", "500"),
            entry("offset.storage.replication.factor", "1"),
            entry("offset.storage.topic", "mm2-offsets.A.internal"),
            entry("producer.acks", "all"),
            entry("producer.bootstrap.servers", "b:9092"),
            entry("producer.sasl.mechanism", "PLAIN"),
            entry("producer.ssl.truststore.location", "/x"),
            entry("sasl.mechanism", "PLAIN"),
            entry("ssl.truststore.location", "/x"),
            entry("status.storage.topic", "mm2-status.A.internal"),
            entry("tasks.max", "3"),
            entry("value.converter", "org.apache.kafka.connect.converters.ByteArrayConverter"));

    /** Apache's MirrorMakerConfig (4.1.1) answer: connector A->B MirrorSourceConnector. */
    private static final Map<String, String> SOURCE_CONNECTOR_A_TO_B = Map.ofEntries(
            entry("connector.class", "org.apache.kafka.connect.mirror.MirrorSourceConnector"),
            entry("enabled", "true"),
            entry("groups", "g1"),
            entry("name", "MirrorSourceConnector"),
            entry("replication.factor", "1"),
            entry("sasl.mechanism", "PLAIN"),
            entry("source.admin.bootstrap.servers", "a:9092"),
            entry("source.admin.sasl.mechanism", "PLAIN"),
            entry("source.admin.security.protocol", "PLAINTEXT"),
            entry("source.cluster.alias", "A"),
            entry("source.cluster.bootstrap.servers", "a:9092"),
            entry("source.cluster.sasl.mechanism", "PLAIN"),
            entry("source.cluster.security.protocol", "PLAINTEXT"),
            entry("source.consumer.bootstrap.servers", "a:9092"),
            entry("source.consumer.max.poll.records", "7"),
            entry("source.consumer.sasl.mechanism", "PLAIN"),
            entry("source.consumer.security.protocol", "PLAINTEXT"),
            entry("source.producer.bootstrap.servers", "a:9092"),
            entry("source.producer.sasl.mechanism", "PLAIN"),
            entry("source.producer.security.protocol", "PLAINTEXT"),
            entry("sync.group.offsets.enabled", "true"),
            entry("target.admin.bootstrap.servers", "b:9092"),
            entry("target.admin.sasl.mechanism", "PLAIN"),
            entry("target.admin.ssl.truststore.location", "/x"),
            entry("target.cluster.alias", "B"),
            entry("target.cluster.bootstrap.servers", "b:9092"),
            entry("target.cluster.offset.flush.interval.ms", "500"),
            entry("target.cluster.sasl.mechanism", "PLAIN"),
            entry("target.cluster.ssl.truststore.location", "/x"),
            entry("target.consumer.bootstrap.servers", "b:9092"),
            entry("target.consumer.sasl.mechanism", "PLAIN"),
            entry("target.consumer.ssl.truststore.location", "/x"),
            entry("target.producer.acks", "all"),
            entry("target.producer.bootstrap.servers", "b:9092"),
            entry("target.producer.sasl.mechanism", "PLAIN"),
            entry("target.producer.ssl.truststore.location", "/x"),
            entry("tasks.max", "3"),
            entry("topics", "orders.*"));

    /** Apache's MirrorMakerConfig (4.1.1) answer: connector B->A MirrorCheckpointConnector. */
    private static final Map<String, String> CHECKPOINT_CONNECTOR_B_TO_A = Map.ofEntries(
            entry("connector.class", "org.apache.kafka.connect.mirror.MirrorCheckpointConnector"),
            entry("enabled", "false"),
            entry("name", "MirrorCheckpointConnector"),
            entry("replication.factor", "1"),
            entry("sasl.mechanism", "PLAIN"),
            entry("source.admin.bootstrap.servers", "b:9092"),
            entry("source.admin.sasl.mechanism", "PLAIN"),
            entry("source.admin.ssl.truststore.location", "/x"),
            entry("source.cluster.alias", "B"),
            entry("source.cluster.bootstrap.servers", "b:9092"),
            entry("source.cluster.offset.flush.interval.ms", "500"),
            entry("source.cluster.sasl.mechanism", "PLAIN"),
            entry("source.cluster.ssl.truststore.location", "/x"),
            entry("source.consumer.bootstrap.servers", "b:9092"),
            entry("source.consumer.sasl.mechanism", "PLAIN"),
            entry("source.consumer.ssl.truststore.location", "/x"),
            entry("source.producer.acks", "all"),
            entry("source.producer.bootstrap.servers", "b:9092"),
            entry("source.producer.sasl.mechanism", "PLAIN"),
            entry("source.producer.ssl.truststore.location", "/x"),
            entry("sync.group.offsets.enabled", "true"),
            entry("target.admin.bootstrap.servers", "a:9092"),
            entry("target.admin.sasl.mechanism", "PLAIN"),
            entry("target.admin.security.protocol", "PLAINTEXT"),
            entry("target.cluster.alias", "A"),
            entry("target.cluster.bootstrap.servers", "a:9092"),
            entry("target.cluster.sasl.mechanism", "PLAIN"),
            entry("target.cluster.security.protocol", "PLAINTEXT"),
            entry("target.consumer.bootstrap.servers", "a:9092"),
            entry("target.consumer.max.poll.records", "7"),
            entry("target.consumer.sasl.mechanism", "PLAIN"),
            entry("target.consumer.security.protocol", "PLAINTEXT"),
            entry("target.producer.bootstrap.servers", "a:9092"),
            entry("target.producer.sasl.mechanism", "PLAIN"),
            entry("target.producer.security.protocol", "PLAINTEXT"),
            entry("tasks.max", "3"));
}
