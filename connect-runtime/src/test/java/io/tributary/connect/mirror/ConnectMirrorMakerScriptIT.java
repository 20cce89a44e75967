package io.tributary.connect.mirror;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.connect.e2e.WorkerProcess;
import io.tributary.connect.mirror.MirrorClusters.Copy;
import io.tributary.connect.testkit.KafkaBroker;
import io.tributary.connect.testkit.KafkaBrokerExtension;
import io.tributary.connect.testkit.KafkaCluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/connect-mirror-maker.sh} as users run it: a node started from an mm2.properties file replicates A->B
 * and stops on SIGTERM; of two nodes, the one left when the other is killed replicates everything; a wrong command line or a target cluster that does not exist ends it with MirrorMaker 2's
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
    void whenTheNodeRunningTheSourceTaskIsKilledTheOtherNodeReplicatesEveryRecord(KafkaBroker clusterA) throws Exception {
        try (KafkaCluster clusterB = KafkaCluster.startSingleNode()) {
            MirrorClusters clusters = new MirrorClusters(clusterA, clusterB.broker());
            String topic = "killed-orders";
            clusters.source.createTopic(topic, 2);
            List<Copy> written = new ArrayList<>(clusters.produceOrders(topic, 2, 100));
            Map<String, String> props = new HashMap<>(DedicatedMirrorMakerTest.mm2Properties(clusters, "killed-"));
            props.put("dedicated.mode.enable.internal.rest", "true");
            props.put("listeners", "http://localhost:0");
            // Work of a node that left goes to the others after this delay (Kafka Connect's default is five minutes).
            props.put("B.scheduled.rebalance.max.delay.ms", "1000");
            Path file = WorkerProcess.write(dir.resolve("mm2.properties"), props);
            String remote = "A." + topic;

            try (WorkerProcess one = node(file, "one"); WorkerProcess two = node(file, "two")) {
                awaitOrFail(List.of(one, two), "the first " + written.size() + " records on B", () ->
                        MirrorClusters.topicExists(clusters.target, remote)
                                && MirrorClusters.readAll(clusters.target, remote).size() >= written.size());
                awaitOrFail(List.of(one, two), "one node to run the source task", () ->
                        runsTheSourceTask(one) != runsTheSourceTask(two));
                WorkerProcess victim = runsTheSourceTask(one) ? one : two;
                WorkerProcess survivor = victim == one ? two : one;

                victim.kill();
                victim.awaitExit(EXIT_TIMEOUT);
                written.addAll(clusters.produceOrders(topic, 2, 100));

                awaitOrFail(List.of(survivor), "every record on B after the kill", () ->
                        distinct(MirrorClusters.readAll(clusters.target, remote)).size() == written.size());
                List<Copy> replicated = MirrorClusters.readAll(clusters.target, remote);
                for (int p = 0; p < 2; p++) {
                    // At least once: a record may come twice after the kill, but none is lost or out of order.
                    assertThat(distinct(MirrorClusters.partition(replicated, p)))
                            .containsExactlyElementsOf(distinct(MirrorClusters.partition(written, p)));
                }
                assertThat(runsTheSourceTask(survivor)).isTrue();
            }
        }
    }

    private WorkerProcess node(Path file, String name) {
        Path nodeDir = dir.resolve(name);
        try {
            Files.createDirectories(nodeDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return WorkerProcess.start(nodeDir, "connect-mirror-maker.sh", List.of(file.toString(), "--clusters", "B"),
                null, Map.of());
    }

    /** Whether the node's latest assignment (its last "Joined generation" line) holds the source task. */
    private static boolean runsTheSourceTask(WorkerProcess node) {
        String output = node.output();
        int joined = output.lastIndexOf("Joined generation");
        if (joined < 0) {
            return false;
        }
        int end = output.indexOf('\n', joined);
        String line = output.substring(joined, end < 0 ? output.length() : end);
        return line.contains("MirrorSourceConnector-0");
    }

    /** Each record once (a record is its partition, key, value, headers and timestamp). */
    private static List<Copy> distinct(List<Copy> records) {
        return records.stream().distinct().toList();
    }

    /** Waits up to three minutes: two worker JVMs start on a machine the suite keeps busy. */
    private static void awaitOrFail(List<WorkerProcess> nodes, String what, BooleanSupplier condition) {
        try {
            Awaitility.await(what).atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200))
                    .until(condition::getAsBoolean);
        } catch (ConditionTimeoutException e) {
            StringBuilder outputs = new StringBuilder(e.getMessage());
            nodes.forEach(node -> outputs.append("\n--- a node printed:\n").append(node.output()));
            throw new AssertionError(outputs.toString(), e);
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
