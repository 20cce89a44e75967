package io.tributary.connect.mirror;

import static io.tributary.connect.mirror.MirrorClusters.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.connect.herder.DistributedHerder;
import io.tributary.connect.mirror.MirrorClusters.Copy;
import io.tributary.connect.testkit.KafkaBroker;
import io.tributary.connect.testkit.KafkaBrokerExtension;
import io.tributary.connect.testkit.KafkaCluster;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One node of a dedicated MirrorMaker 2 cluster, in this JVM, driving the flow A->B from an mm2.properties-style
 * map: cluster A is the shared test broker, B a broker of this class. The flow's Connect group, its internal topics
 * and its connectors are all MirrorMaker 2's own, derived from the file.
 */
@ExtendWith(KafkaBrokerExtension.class)
class DedicatedMirrorMakerTest {

    /** The topics and groups the flow mirrors; other test classes on cluster A use other names. */
    static final String PREFIX = "dedicated-";

    private static KafkaCluster clusterB;
    private static MirrorClusters clusters;
    private static MirrorMaker node;

    private final String id = UUID.randomUUID().toString().substring(0, 8);

    @BeforeAll
    static void startClusterBAndANode(KafkaBroker clusterA) {
        clusterB = KafkaCluster.startSingleNode();
        clusters = new MirrorClusters(clusterA, clusterB.broker());
        node = MirrorMaker.start(mm2Properties(clusters, PREFIX), List.of("B"));
        await("the A->B herder to join its group", () -> herder().isReady());
    }

    @AfterAll
    static void stop() throws Exception {
        if (node != null) {
            node.stop();
        }
        if (clusterB != null) {
            clusterB.close();
        }
    }

    /** A two-cluster file as a user writes it: A->B enabled for the topics and groups under {@code prefix}. */
    static Map<String, String> mm2Properties(MirrorClusters clusters, String prefix) {
        return FlowConfigsTest.props(
                "clusters", "A, B",
                "A.bootstrap.servers", clusters.source.bootstrapServers(),
                "B.bootstrap.servers", clusters.target.bootstrapServers(),
                "A->B.enabled", "true",
                "A->B.topics", prefix + ".*",
                "A->B.groups", prefix + ".*",
                "A->B.offset.lag.max", "0",
                "replication.factor", "1",
                "checkpoints.topic.replication.factor", "1",
                "heartbeats.topic.replication.factor", "1",
                "offset-syncs.topic.replication.factor", "1",
                "offset.storage.replication.factor", "1",
                "status.storage.replication.factor", "1",
                "config.storage.replication.factor", "1",
                "sync.group.offsets.enabled", "true",
                "refresh.topics.interval.seconds", "1",
                "refresh.groups.interval.seconds", "1",
                "sync.topic.configs.interval.seconds", "1",
                "emit.checkpoints.interval.seconds", "1",
                "sync.group.offsets.interval.seconds", "1",
                "emit.heartbeats.interval.seconds", "1",
                "B.offset.flush.interval.ms", "1000");
    }

    @Test
    void theLeaderWritesTheFlowsThreeConnectorsWithTheDerivedConfigs() {
        DistributedHerder herder = herder();
        FlowConfigs derived = new FlowConfigs(new MirrorMakerSettings(mm2Properties(clusters, PREFIX)));

        await("the three connectors to be configured", () -> herder.connectors().join().size() == 3);

        assertThat(herder.connectors().join()).containsExactlyInAnyOrder("MirrorSourceConnector",
                "MirrorCheckpointConnector", "MirrorHeartbeatConnector");
        for (String connector : MirrorMaker.CONNECTOR_CLASSES) {
            String name = connector.substring(connector.lastIndexOf('.') + 1);
            assertThat(herder.connectorConfig(name).join()).as(name).isEqualTo(
                    derived.connectorConfig(new Flow("A", "B"), connector, FlowConfigsTest.mirrorSettings()));
        }
        assertThat(herder.workerId()).contains("/A->B/");
        assertThat(node.flows()).as("the flows into --clusters B").containsExactly(new Flow("A", "B"));
        assertThat(MirrorClusters.topicExists(clusters.target, "mm2-configs.A.internal")).isTrue();
        assertThat(MirrorClusters.topicExists(clusters.target, "mm2-offsets.A.internal")).isTrue();
        assertThat(MirrorClusters.topicExists(clusters.target, "mm2-status.A.internal")).isTrue();
    }

    @Test
    void aTopicOfTheFlowIsReplicatedPartitionByPartitionInOrder() {
        String topic = PREFIX + "orders-" + id;
        clusters.source.createTopic(topic, 3);
        List<Copy> written = clusters.produceOrders(topic, 3, 10);

        String remote = "A." + topic;
        await(remote + " to hold all 30 records on B", () -> MirrorClusters.topicExists(clusters.target, remote)
                && MirrorClusters.readAll(clusters.target, remote).size() == written.size());

        List<Copy> replicated = MirrorClusters.readAll(clusters.target, remote);
        for (int p = 0; p < 3; p++) {
            assertThat(MirrorClusters.partition(replicated, p)).as("partition " + p)
                    .containsExactlyElementsOf(MirrorClusters.partition(written, p));
        }
    }

    @Test
    void aGroupsCommittedOffsetsAreTranslatedAndSyncedToTheSameGroupOnB() {
        String topic = PREFIX + "payments-" + id;
        String group = PREFIX + "readers-" + id;
        String remote = "A." + topic;
        clusters.source.createTopic(topic, 2);
        clusters.produceOrders(topic, 2, 10);
        await(remote + " to hold all 20 records on B", () -> MirrorClusters.topicExists(clusters.target, remote)
                && MirrorClusters.readAll(clusters.target, remote).size() == 20);

        // At the end of each partition: a checkpoint task started after the offset syncs were written translates
        // with the latest sync of each partition only, as MirrorMaker 2 does.
        MirrorConnectorsTest.commit(clusters.source, group,
                Map.of(new TopicPartition(topic, 0), 10L, new TopicPartition(topic, 1), 10L));

        Map<TopicPartition, OffsetAndMetadata> expected = Map.of(
                new TopicPartition(remote, 0), new OffsetAndMetadata(10),
                new TopicPartition(remote, 1), new OffsetAndMetadata(10));
        await("the checkpoints of " + group + " on B",
                () -> MirrorConnectorsTest.translated(clusters.target, group).equals(expected));
        await(group + "'s offsets on B to follow its checkpoints",
                () -> MirrorClusters.committedOffsets(clusters.target, group).equals(expected));
    }

    @Test
    void heartbeatsFromAReachB() {
        await("two heartbeats from A on B", () -> MirrorClusters.topicExists(clusters.target, "heartbeats")
                && MirrorClusters.heartbeatsFrom(clusters.target, "A").size() >= 2);

        assertThat(MirrorClusters.heartbeatsFrom(clusters.target, "A")).allSatisfy(heartbeat -> {
            assertThat(heartbeat.targetClusterAlias()).isEqualTo("B");
            assertThat(heartbeat.timestamp()).isPositive();
        });
    }

    private static DistributedHerder herder() {
        return node.herder(new Flow("A", "B"));
    }
}
