package io.tributary.connect.mirror;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.connect.e2e.WorkerProcess;
import io.tributary.connect.mirror.MirrorClusters.Copy;
import io.tributary.connect.testkit.KafkaBroker;
import io.tributary.connect.testkit.KafkaBrokerExtension;
import io.tributary.connect.testkit.KafkaCluster;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/connect-mirror-maker.sh} as users run it: a node started from an mm2.properties file replicates A->B
 * and stops on SIGTERM; a wrong command line or a target cluster that does not exist ends it with MirrorMaker 2's
 * exit code and a message saying what is wrong.
 */
@ExtendWith(KafkaBrokerExtension.class)
class ConnectMirrorMakerScriptIT {

    private static final Duration EXIT_TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @Test
    void aNodeStartedByTheScriptReplicatesAToBAndStopsOnSigterm(KafkaBroker clusterA) throws Exception {
        try (KafkaCluster clusterB = KafkaCluster.startSingleNode()) {
            MirrorClusters clusters = new MirrorClusters(clusterA, clusterB.broker());
            String topic = "script-orders";
            clusters.source.createTopic(topic, 2);
            List<Copy> written = clusters.produceOrders(topic, 2, 10);
            Path file = WorkerProcess.write(dir.resolve("mm2.properties"),
                    DedicatedMirrorMakerTest.mm2Properties(clusters, "script-"));

            try (WorkerProcess node = WorkerProcess.start(dir, "connect-mirror-maker.sh",
                    List.of(file.toString(), "--clusters", "B"), null, Map.of())) {
                String remote = "A." + topic;
                try {
                    MirrorClusters.await(remote + " to hold all 20 records on B", () ->
                            MirrorClusters.topicExists(clusters.target, remote)
                                    && MirrorClusters.readAll(clusters.target, remote).size() == written.size());
                } catch (ConditionTimeoutException e) {
                    throw new AssertionError(e.getMessage() + "; the node printed:\n" + node.output(), e);
                }
                List<Copy> replicated = MirrorClusters.readAll(clusters.target, remote);
                for (int p = 0; p < 2; p++) {
                    assertThat(MirrorClusters.partition(replicated, p))
                            .containsExactlyElementsOf(MirrorClusters.partition(written, p));
                }

                node.terminate();
                node.awaitExit(EXIT_TIMEOUT);
                assertThat(node.output()).contains("MirrorMaker 2 stopped");
            }
        }
    }

    @Test
    void aTargetClusterNotInClustersEndsTheNodeWithExitCode2(KafkaBroker clusterA) {
        Path file = WorkerProcess.write(dir.resolve("mm2.properties"), Map.of(
                "clusters", "A, B",
                "A.bootstrap.servers", clusterA.bootstrapServers(),
                "B.bootstrap.servers", clusterA.bootstrapServers(),
                "A->B.enabled", "true"));

        try (WorkerProcess node = WorkerProcess.start(dir, "connect-mirror-maker.sh",
                List.of(file.toString(), "--clusters", "C"), null, Map.of())) {
            assertThat(node.awaitExit(EXIT_TIMEOUT)).isEqualTo(2);
            assertThat(node.output()).contains("--clusters names C, which is not one of the clusters clusters=A,B");
        }
    }

    @Test
    void aWrongCommandLinePrintsTheUsageAndExitsWithCode255() {
        try (WorkerProcess node = WorkerProcess.start(dir, "connect-mirror-maker.sh",
                List.of(dir.resolve("missing.properties").toString()), null, Map.of())) {
            assertThat(node.awaitExit(EXIT_TIMEOUT)).isEqualTo(255);
            assertThat(node.output()).contains("Usage: connect-mirror-maker.sh")
                    .contains("Cannot read the configuration file");
        }
    }

    @Test
    void withoutArgumentsTheScriptPrintsItsUsageAndExitsWithCode1() {
        try (WorkerProcess node = WorkerProcess.start(dir, "connect-mirror-maker.sh", List.of(), null, Map.of())) {
            assertThat(node.awaitExit(EXIT_TIMEOUT)).isEqualTo(1);
            assertThat(node.output()).contains("USAGE:").contains("--clusters");
        }
    }
}
