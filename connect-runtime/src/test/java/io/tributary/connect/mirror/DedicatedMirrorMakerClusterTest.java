package io.tributary.connect.mirror;

import static io.tributary.connect.mirror.MirrorClusters.await;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.tributary.connect.herder.DistributedHerder;
import io.tributary.connect.herder.RequestContext;
import io.tributary.connect.mirror.MirrorClusters.Copy;
import io.tributary.connect.model.ConnectorStateInfo;
import io.tributary.connect.testkit.KafkaBroker;
import io.tributary.connect.testkit.KafkaBrokerExtension;
import io.tributary.connect.testkit.KafkaCluster;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

/**
 * Two nodes of one dedicated MirrorMaker 2 cluster in this JVM. With the internal REST server of KIP-710 they form
 * the flow's Connect group together, share its connectors and tasks, hand task configs to whichever of them leads,
 * and when one stops the other takes its work over where it left off. Without it (MirrorMaker 2's default) they
 * share the work all the same, but only the leader can write new task configs, as with Apache's driver.
 */
@ExtendWith(KafkaBrokerExtension.class)
class DedicatedMirrorMakerClusterTest {

    private static final String PREFIX = "two-nodes-";
    /** Topics of the test without the internal REST server, which the other tests' nodes do not replicate. */
    private static final String NO_REST_PREFIX = "no-rest-";
    private static final Flow A_TO_B = new Flow("A", "B");

    private static KafkaCluster clusterB;
    private static MirrorClusters clusters;
    private final List<MirrorMaker> nodes = new ArrayList<>();
    private final List<ListAppender<ILoggingEvent>> captured = new ArrayList<>();

    @BeforeAll
    static void startClusterB(KafkaBroker clusterA) {
        clusterB = KafkaCluster.startSingleNode();
        clusters = new MirrorClusters(clusterA, clusterB.broker());
    }

    @AfterEach
    void stopNodes() {
        nodes.forEach(MirrorMaker::stop);
        Logger herders = (Logger) LoggerFactory.getLogger("io.tributary.connect.herder");
        captured.forEach(herders::detachAppender);
    }

    @AfterAll
    static void stopClusterB() throws Exception {
        if (clusterB != null) {
            clusterB.close();
        }
    }

    @Test
    void twoNodesShareTheFlowAndWhenOneStopsTheOtherResumesWithoutLoss() {
        String first = PREFIX + "orders";
        clusters.source.createTopic(first, 4);
        List<Copy> written = new ArrayList<>(clusters.produceOrders(first, 4, 10));
        MirrorMaker one = start("shared");
        MirrorMaker two = start("shared");

        await("the work of A->B to be spread over both nodes", () -> workersRunning(herder(one)).size() == 2);
        assertThat(workersRunning(herder(one))).allSatisfy(worker -> assertThat(worker).matches("localhost:\\d+/A->B"));
        awaitReplicated(first, written);

        // Created after both joined: the connectors generate new task configs, on whichever node runs them, and
        // those on the node that does not lead reach the leader only through the internal REST server.
        String second = PREFIX + "payments";
        clusters.source.createTopic(second, 2);
        List<Copy> secondWritten = clusters.produceOrders(second, 2, 10);
        awaitReplicated(second, secondWritten);

        MirrorMaker leader = herder(one).isLeader().join() ? one : two;
        MirrorMaker follower = leader == one ? two : one;
        follower.stop();
        written.addAll(clusters.produceOrders(first, 4, 10));

        await("the leader to run all the work", () -> workersRunning(herder(leader)).size() == 1);
        awaitReplicated(first, written);
    }

    @Test
    void theInternalRestServerTakesOnlyTaskConfigsAndFencingPerFlowAndChecksTheirSignature() throws Exception {
        MirrorMaker node = start("internal-rest");
        await("the A->B herder to join its group", () -> herder(node).isReady());
        String base = node.internalRestUrl().orElseThrow().toString();
        HttpClient http = HttpClient.newHttpClient();

        HttpResponse<String> unsigned = http.send(HttpRequest.newBuilder(
                URI.create(base + "/A/B/connectors/MirrorSourceConnector/tasks"))
                .POST(HttpRequest.BodyPublishers.ofString("[]")).header("Content-Type", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> read = http.send(HttpRequest.newBuilder(
                URI.create(base + "/A/B/connectors/MirrorSourceConnector/tasks")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> otherFlow = http.send(HttpRequest.newBuilder(
                URI.create(base + "/B/A/connectors/MirrorSourceConnector/tasks"))
                .POST(HttpRequest.BodyPublishers.ofString("[]")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(unsigned.statusCode()).as(unsigned.body()).isEqualTo(400);
        assertThat(unsigned.body()).contains("signature");
        assertThat(read.statusCode()).isEqualTo(405);
        assertThat(otherFlow.statusCode()).isEqualTo(404);
    }

    @Test
    void withoutTheInternalRestServerTwoNodesReplicateAndOnlyTheFollowersNewTaskConfigsWaitForTheLeader()
            throws Exception {
        String topic = NO_REST_PREFIX + "orders";
        clusters.source.createTopic(topic, 4);
        List<Copy> written = new ArrayList<>(clusters.produceOrders(topic, 4, 10));
        ListAppender<ILoggingEvent> logs = capture("io.tributary.connect.herder");
        MirrorMaker one = startWithoutInternalRest();
        await("the first node to run all the work of A->B", () -> workersRunning(herder(one)).size() == 1);
        awaitReplicated(topic, written);
        MirrorMaker two = startWithoutInternalRest();

        await("the work of A->B to be spread over both nodes, each running a connector", () ->
                workersRunning(herder(one)).size() == 2 && !connectorsOn(herder(one), herder(one).workerId()).isEmpty()
                        && !connectorsOn(herder(one), herder(two).workerId()).isEmpty());
        MirrorMaker leader = herder(one).isLeader().join() ? one : two;
        MirrorMaker follower = leader == one ? two : one;
        written.addAll(clusters.produceOrders(topic, 4, 10));
        awaitReplicated(topic, written);
        // The follower's connectors generated the task configs the leader had written: nothing to hand over.
        assertThat(leaderUnreachable(logs, null)).as("complaints about the unreachable leader").isEmpty();

        // A changed connector config makes the follower generate new task configs, which only the leader may write.
        String moved = connectorsOn(herder(leader), herder(follower).workerId()).get(0);
        herder(leader).patchConnectorConfig(RequestContext.CLIENT, moved, Map.of("emit.heartbeats.interval.seconds",
                "2")).get(30, TimeUnit.SECONDS);
        await("the follower to say that it cannot reach the leader", () -> !leaderUnreachable(logs, moved).isEmpty());
        assertThat(leaderUnreachable(logs, moved)).allSatisfy(event -> assertThat(event.getLevel()).isEqualTo(Level.ERROR));
        assertThat(herder(follower).connectors().get(10, TimeUnit.SECONDS)).as("the follower still answers")
                .contains(moved);

        long stopping = System.nanoTime();
        follower.stop();
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - stopping)).as("seconds to stop").isLessThan(30);
        await("the leader to run " + moved + " with tasks of its new config", () ->
                workersRunning(herder(leader)).size() == 1
                        && herder(leader).taskConfigs(moved).join().stream()
                                .allMatch(task -> "2".equals(task.config().get("emit.heartbeats.interval.seconds"))));
        written.addAll(clusters.produceOrders(topic, 4, 10));
        awaitReplicated(topic, written);
    }

    /**
     * A node of the cluster named {@code name}: its Connect group and internal topics on B are named after it
     * ({@code B.group.id} and {@code B.*.storage.topic} replace the names MirrorMaker 2 derives), so that each test
     * has a cluster of its own on the shared B.
     */
    private MirrorMaker start(String name) {
        Map<String, String> props = nodeProperties(name, PREFIX);
        props.put("dedicated.mode.enable.internal.rest", "true");
        props.put("listeners", "http://localhost:0");
        return start(props);
    }

    /** A node of a cluster of its own that replicates the topics named {@code no-rest-*}, without a REST server. */
    private MirrorMaker startWithoutInternalRest() {
        return start(nodeProperties("no-internal-rest", NO_REST_PREFIX));
    }

    private MirrorMaker start(Map<String, String> props) {
        MirrorMaker node = MirrorMaker.start(props, List.of("B"));
        nodes.add(node);
        return node;
    }

    private static Map<String, String> nodeProperties(String name, String topicPrefix) {
        Map<String, String> props = new HashMap<>(DedicatedMirrorMakerTest.mm2Properties(clusters, topicPrefix));
        props.put("B.group.id", "mm2-" + name);
        props.put("B.config.storage.topic", "mm2-" + name + "-configs");
        props.put("B.offset.storage.topic", "mm2-" + name + "-offsets");
        props.put("B.status.storage.topic", "mm2-" + name + "-status");
        props.put("tasks.max", "2");
        // Work of a node that left goes to the others after this delay (Kafka Connect's default is five minutes).
        props.put("B.scheduled.rebalance.max.delay.ms", "1000");
        return props;
    }

    /**
     * The flow's connectors that run on the worker {@code workerId}, by the statuses; those with tasks first (the
     * checkpoint connector has none without groups to checkpoint).
     */
    private static List<String> connectorsOn(DistributedHerder herder, String workerId) {
        List<String> connectors = new ArrayList<>();
        for (String connector : List.of("MirrorSourceConnector", "MirrorHeartbeatConnector",
                "MirrorCheckpointConnector")) {
            ConnectorStateInfo status = herder.connectorStatus(connector);
            if (status != null && workerId.equals(status.connector().workerId())) {
                connectors.add(connector);
            }
        }
        return connectors;
    }

    private ListAppender<ILoggingEvent> capture(String logger) {
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        ((Logger) LoggerFactory.getLogger(logger)).addAppender(appender);
        captured.add(appender);
        return appender;
    }

    /**
     * Log events telling that task configs could not reach the leader without the internal REST server, about
     * {@code connector} (any when null).
     */
    private static List<ILoggingEvent> leaderUnreachable(ListAppender<ILoggingEvent> logs, String connector) {
        List<ILoggingEvent> events;
        // The appender adds under its own lock.
        synchronized (logs) {
            events = new ArrayList<>(logs.list);
        }
        return events.stream()
                .filter(event -> event.getFormattedMessage().contains("dedicated.mode.enable.internal.rest"))
                .filter(event -> connector == null || event.getFormattedMessage().contains(connector))
                .toList();
    }

    /** Every record written reached B's remote topic, in the same order within each partition, and nothing more. */
    private static void awaitReplicated(String topic, List<Copy> written) {
        String remote = "A." + topic;
        await(remote + " to hold all " + written.size() + " records on B", () ->
                MirrorClusters.topicExists(clusters.target, remote)
                        && MirrorClusters.readAll(clusters.target, remote).size() >= written.size());
        List<Copy> replicated = MirrorClusters.readAll(clusters.target, remote);
        int partitions = (int) written.stream().map(Copy::partition).distinct().count();
        for (int p = 0; p < partitions; p++) {
            assertThat(MirrorClusters.partition(replicated, p)).as(remote + " partition " + p)
                    .containsExactlyElementsOf(MirrorClusters.partition(written, p));
        }
    }

    /**
     * The workers running the flow's connectors and tasks, when all of them run and the source connector's two
     * tasks and the heartbeat task exist (the checkpoint connector has none without groups to checkpoint);
     * empty otherwise.
     */
    private static Set<String> workersRunning(DistributedHerder herder) {
        Set<String> workers = new TreeSet<>();
        int tasks = 0;
        for (String connector : List.of("MirrorSourceConnector", "MirrorCheckpointConnector",
                "MirrorHeartbeatConnector")) {
            ConnectorStateInfo status;
            try {
                status = herder.connectorStatus(connector);
            } catch (RuntimeException e) {
                return Set.of();
            }
            if (status == null || !"RUNNING".equals(status.connector().state())) {
                return Set.of();
            }
            workers.add(status.connector().workerId());
            for (ConnectorStateInfo.TaskState task : status.tasks()) {
                if (!"RUNNING".equals(task.state())) {
                    return Set.of();
                }
                workers.add(task.workerId());
                tasks++;
            }
        }
        return tasks >= 3 ? workers : Set.of();
    }

    private static DistributedHerder herder(MirrorMaker node) {
        return node.herder(A_TO_B);
    }
}
