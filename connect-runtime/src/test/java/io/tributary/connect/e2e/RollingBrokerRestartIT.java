package io.tributary.connect.e2e;

import io.tributary.connect.e2e.FilePipeline.Delivery;
import io.tributary.connect.testkit.KafkaCluster;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static io.tributary.connect.e2e.FilePipeline.appendLines;
import static io.tributary.connect.e2e.FilePipeline.createConnector;
import static io.tributary.connect.e2e.FilePipeline.pollUntil;
import static io.tributary.connect.e2e.FilePipeline.statuses;
import static io.tributary.connect.e2e.WorkerProcess.awaitCondition;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13: a rolling restart of a three-broker cluster, the internal and the data topic replicated three
 * times, while a worker moves lines from a file through a topic into another file. Each broker in turn is
 * stopped while more lines are appended, and started again on its data; the next one goes only once every
 * replica is back in sync, as an operator's rolling restart does. Reads answer throughout, and afterwards
 * every line has arrived and all work runs, with no REST write.
 */
class RollingBrokerRestartIT {

    private static final int LINES_PER_STEP = 10_000;
    private static final Duration STARTUP = Duration.ofSeconds(90);
    private static final Duration DELIVERY = Duration.ofSeconds(120);
    private static final Duration IN_SYNC = Duration.ofSeconds(60);
    private static final Duration STATUS = Duration.ofSeconds(45);
    private static final Duration BROKER_AWAY = Duration.ofSeconds(5);
    private static final String SOURCE = "rolling-source";
    private static final String SINK = "rolling-sink";
    private static final String TOPIC = "rolling-lines";
    private static final List<String> INTERNAL_TOPICS = List.of("rolling-configs", "rolling-offsets", "rolling-status");
    private static final String ALL_RUNNING =
            SOURCE + ": connector RUNNING, tasks [RUNNING]; " + SINK + ": connector RUNNING, tasks [RUNNING]";

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;

    private KafkaCluster cluster;
    private WorkerProcess worker;

    @AfterEach
    void stopWorkerThenCluster() throws Exception {
        if (worker != null) {
            worker.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void everyLineArrivesAndAllWorkRunsAfterEachBrokerWasRestartedInTurn() throws IOException {
        cluster = KafkaCluster.start(3);
        cluster.broker().createTopic(TOPIC, 3, Map.of("min.insync.replicas", "2"));
        worker = startWorker();
        RestClient rest = new RestClient(worker.restUrl());
        Path input = dir.resolve("input.txt");
        Path output = dir.resolve("output.txt");
        int written = LINES_PER_STEP;
        appendLines(input, 1, written);
        createConnector(rest, SOURCE, Map.of("connector.class", "FileStreamSource", "file", input.toString(),
                "topic", TOPIC));
        createConnector(rest, SINK, Map.of("connector.class", "FileStreamSink", "file", output.toString(),
                "topics", TOPIC));
        int before = written;
        Delivery first = pollUntil(DELIVERY, () -> Delivery.read(output, before), Delivery::complete);
        assertThat(first.missing()).withFailMessage("before any restart, expected lines line-1..line-%d in %s; "
                + "saw %s", before, output, first).isZero();

        List<String> unanswered = new ArrayList<>();
        for (int brokerId : cluster.brokerIds()) {
            ConnectorListProbe probe = ConnectorListProbe.start(rest, Duration.ofMillis(500), Duration.ofSeconds(2));
            cluster.stopBroker(brokerId);
            long stoppedAt = System.nanoTime();
            appendLines(input, written + 1, LINES_PER_STEP);
            written += LINES_PER_STEP;
            awaitCondition(STARTUP, "GET /connectors to be called " + BROKER_AWAY + " after broker " + brokerId
                    + " stopped", () -> probe.hasCalledSince(stoppedAt + BROKER_AWAY.toNanos()));
            cluster.startBroker(brokerId);
            probe.stop().stream()
                    .filter(call -> !call.listed(List.of(SOURCE, SINK)))
                    .forEach(call -> unanswered.add("while broker " + brokerId + " was away: " + call));
            awaitAllReplicasInSync(brokerId);
        }
        appendLines(input, written + 1, LINES_PER_STEP);
        int expected = written + LINES_PER_STEP;

        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(unanswered).withFailMessage("expected every GET /connectors to answer 200 listing both "
                + "connectors within 2 s while a broker was away; these did not:%n  %s",
                String.join("\n  ", unanswered)).isEmpty();
        Delivery after = pollUntil(DELIVERY, () -> Delivery.read(output, expected), Delivery::complete);
        softly.assertThat(after.missing()).withFailMessage("after every broker was restarted in turn, expected "
                + "every line line-1..line-%d in the sink's file within %s (duplicates allowed); saw %s",
                expected, DELIVERY, after).isZero();
        softly.assertThat(after.foreign()).withFailMessage("expected only lines of the input in the sink's file; "
                + "saw %s", after).isEmpty();
        String statuses = pollUntil(STATUS, () -> statuses(rest, List.of(SOURCE, SINK)), ALL_RUNNING::equals);
        softly.assertThat(statuses).withFailMessage("after the rolling restart, expected GET "
                + "/connectors?expand=status to show [%s] within %s, without any REST write; last saw [%s]",
                ALL_RUNNING, STATUS, statuses).isEqualTo(ALL_RUNNING);
        softly.assertAll();
    }

    private void awaitAllReplicasInSync(int restartedBroker) {
        List<String> topics = new ArrayList<>(INTERNAL_TOPICS);
        topics.add(TOPIC);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                cluster.bootstrapServers()))) {
            awaitCondition(IN_SYNC, "every replica of " + topics + " in sync again after broker " + restartedBroker
                    + " restarted", () -> allInSync(admin, topics));
        }
    }

    private static boolean allInSync(Admin admin, List<String> topics) {
        try {
            Map<String, TopicDescription> described = admin.describeTopics(topics).allTopicNames()
                    .get(10, TimeUnit.SECONDS);
            return described.values().stream().flatMap(topic -> topic.partitions().stream())
                    .allMatch(partition -> partition.isr().size() == partition.replicas().size());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while describing " + topics, e);
        } catch (ExecutionException | TimeoutException notYet) {
            return false;
        }
    }

    private WorkerProcess startWorker() {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("bootstrap.servers", cluster.bootstrapServers());
        props.put("group.id", "rolling-cluster");
        props.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
        props.put("value.converter", "org.apache.kafka.connect.storage.StringConverter");
        props.put("config.storage.topic", INTERNAL_TOPICS.get(0));
        props.put("offset.storage.topic", INTERNAL_TOPICS.get(1));
        props.put("status.storage.topic", INTERNAL_TOPICS.get(2));
        props.put("config.storage.replication.factor", "3");
        props.put("offset.storage.replication.factor", "3");
        props.put("status.storage.replication.factor", "3");
        props.put("offset.storage.partitions", "5");
        props.put("status.storage.partitions", "3");
        props.put("offset.flush.interval.ms", "1000");
        props.put("session.timeout.ms", "6000");
        props.put("heartbeat.interval.ms", "2000");
        WorkerProcess started = WorkerProcess.startDistributed(dir, props);
        worker = started;
        started.awaitReady(STARTUP);
        RestClient rest = new RestClient(started.restUrl());
        awaitCondition(STARTUP, "the worker to join its group", () -> rest.get("/connectors").status() == 200);
        return started;
    }
}
