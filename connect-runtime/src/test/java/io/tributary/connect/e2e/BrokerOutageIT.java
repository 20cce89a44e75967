package io.tributary.connect.e2e;

import io.tributary.connect.e2e.FilePipeline.Delivery;
import io.tributary.connect.testkit.KafkaBrokerProcess;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import static io.tributary.connect.e2e.FilePipeline.appendLines;
import static io.tributary.connect.e2e.FilePipeline.createConnector;
import static io.tributary.connect.e2e.FilePipeline.pollUntil;
import static io.tributary.connect.e2e.FilePipeline.statuses;
import static io.tributary.connect.e2e.WorkerProcess.awaitCondition;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13: a distributed worker rides through an outage of its only broker. One worker moves lines
 * from a file through a topic into another file (FileStreamSource, then FileStreamSink); the broker
 * process goes away while more lines are appended and comes back on the same data. While it is away
 * the REST API keeps answering reads and the statuses say the work stopped; once it is back every line
 * arrives (at least once) and both connectors and their tasks run again, without anyone writing to the
 * REST API. With exactly-once source delivery enabled, the topic holds every line exactly once for a
 * read_committed consumer.
 */
class BrokerOutageIT {

    private static final int LINES = 20_000;
    private static final Duration STARTUP = Duration.ofSeconds(90);
    private static final Duration DELIVERY = Duration.ofSeconds(120);
    private static final Duration STATUS = Duration.ofSeconds(45);
    private static final Duration PROBE_PAUSE = Duration.ofMillis(500);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);
    private static final String SOURCE = "outage-source";
    private static final String SINK = "outage-sink";
    private static final String TOPIC = "outage-lines";
    private static final String ALL_RUNNING =
            SOURCE + ": connector RUNNING, tasks [RUNNING]; " + SINK + ": connector RUNNING, tasks [RUNNING]";
    /** What the statuses say once the worker stopped its work for want of a group coordinator. */
    private static final String ALL_UNASSIGNED = SOURCE + ": connector UNASSIGNED, tasks [UNASSIGNED]; " + SINK
            + ": connector UNASSIGNED, tasks [UNASSIGNED]";
    /** heartbeat.interval.ms without a coordinator, then task.shutdown.graceful.timeout.ms (5 s) at most, and slack. */
    private static final Duration STOPPED = Duration.ofSeconds(20);

    /** Kept when a test fails: the worker's output and logs and the broker's log are in here. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;

    private KafkaBrokerProcess broker;
    private WorkerProcess worker;
    private long startedAt;

    /**
     * How the broker goes away and for how long before it is started again, and the worker's group
     * timing, which decides whether the outage outlasts the worker's session.
     */
    private record Outage(String how, Consumer<KafkaBrokerProcess> takeAway, Duration away,
                          int sessionTimeoutMs, int heartbeatIntervalMs, boolean outlastsSession,
                          boolean exactlyOnce) {
    }

    @AfterEach
    void stopWorkerThenBroker() {
        if (worker != null) {
            worker.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void workResumesAndReadsAnswerThroughAGracefulBrokerStopLongerThanTheSessionTimeout() throws IOException {
        rideThrough(new Outage("stopped with SIGTERM", KafkaBrokerProcess::stop, Duration.ofSeconds(15),
                6_000, 2_000, true, false));
    }

    /*
     * A broker killed with SIGKILL answers again only after its restarted controller has waited out
     * the old broker's registration (broker.session.timeout.ms, 9 s): restarted 3 s after the kill it
     * is away for 20 to 30 s, the more the busier the machine. The worker's session is made well
     * longer than that, so that the outage is still the short kind, one its group membership outlives.
     */
    @Test
    void workResumesAndReadsAnswerThroughABrokerKillShorterThanTheSessionTimeout() throws IOException {
        rideThrough(new Outage("killed with SIGKILL", KafkaBrokerProcess::kill, Duration.ofSeconds(3),
                60_000, 3_000, false, false));
    }

    @Test
    void workResumesAndReadsAnswerThroughAGracefulBrokerStopShorterThanTheSessionTimeout() throws IOException {
        rideThrough(new Outage("stopped with SIGTERM", KafkaBrokerProcess::stop, Duration.ofSeconds(3),
                60_000, 3_000, false, false));
    }

    @Test
    void workResumesAndReadsAnswerThroughABrokerKillLongerThanTheSessionTimeout() throws IOException {
        rideThrough(new Outage("killed with SIGKILL", KafkaBrokerProcess::kill, Duration.ofSeconds(15),
                6_000, 2_000, true, false));
    }

    /*
     * With exactly.once.source.support=enabled and a source requiring it, the source's open transaction dies with
     * the broker: a read_committed consumer of the topic sees every line exactly once afterwards.
     */
    @Test
    void exactlyOnceSourceDeliversEveryLineOnceThroughABrokerKillLongerThanTheSessionTimeout() throws IOException {
        rideThrough(new Outage("killed with SIGKILL", KafkaBrokerProcess::kill, Duration.ofSeconds(15),
                6_000, 2_000, true, true));
    }

    private void rideThrough(Outage outage) throws IOException {
        startedAt = System.nanoTime();
        broker = new KafkaBrokerProcess(dir.resolve("broker"));
        broker.start();
        createTopic(broker.bootstrapServers());
        progress("broker up at " + broker.bootstrapServers());
        worker = startWorker(outage);
        progress("worker up at " + worker.restUrl());
        RestClient rest = new RestClient(worker.restUrl());
        Path input = dir.resolve("input.txt");
        Path output = dir.resolve("output.txt");
        appendLines(input, 1, LINES);
        Map<String, String> source = new LinkedHashMap<>(Map.of("connector.class", "FileStreamSource",
                "tasks.max", "1", "file", input.toString(), "topic", TOPIC));
        if (outage.exactlyOnce()) {
            source.put("exactly.once.support", "required");
        }
        createConnector(rest, SOURCE, source);
        createConnector(rest, SINK, Map.of("connector.class", "FileStreamSink", "tasks.max", "1",
                "file", output.toString(), "topics", TOPIC));
        Delivery before = pollUntil(DELIVERY, () -> Delivery.read(output, LINES), Delivery::complete);
        assertThat(before.missing()).withFailMessage("before the outage, expected lines line-1..line-%d in %s "
                + "within %s; saw %s", LINES, output, DELIVERY, before).isZero();
        progress("lines 1.." + LINES + " delivered: " + before);

        ConnectorListProbe probe = ConnectorListProbe.start(rest, PROBE_PAUSE, PROBE_TIMEOUT);
        long awayAt = System.nanoTime();
        outage.takeAway().accept(broker);
        long goneAt = System.nanoTime();
        appendLines(input, LINES + 1, LINES);
        progress("broker " + outage.how() + "; lines " + (LINES + 1) + ".." + 2 * LINES + " appended");
        String whileAway = pollUntil(STOPPED, () -> statuses(rest, List.of(SOURCE, SINK)), ALL_UNASSIGNED::equals);
        progress("statuses while the broker is away: " + whileAway);
        long backAt = goneAt + outage.away().toNanos();
        awaitCondition(outage.away().plus(STARTUP), "GET /connectors to be called through " + outage.away()
                + " of the outage", () -> probe.hasCalledSince(backAt));
        broker.start();
        Duration unavailable = Duration.ofNanos(System.nanoTime() - awayAt);
        List<ConnectorListProbe.Call> calls = probe.stop();
        progress(String.format("broker back: %s, started again %d ms later, away %d ms in all; %d GET /connectors "
                + "call(s), %d slower than %d ms or not 200", outage.how(), outage.away().toMillis(),
                unavailable.toMillis(), calls.size(), calls.stream().filter(c -> !c.listed(List.of(SOURCE, SINK)))
                        .count(), PROBE_TIMEOUT.toMillis()));

        SoftAssertions softly = new SoftAssertions();
        Duration session = Duration.ofMillis(outage.sessionTimeoutMs());
        softly.assertThat(unavailable.compareTo(session) > 0).withFailMessage("precondition: the broker was away "
                + "%d ms, which should be %s than the worker's session.timeout.ms=%d", unavailable.toMillis(),
                outage.outlastsSession() ? "longer" : "shorter", outage.sessionTimeoutMs())
                .isEqualTo(outage.outlastsSession());
        assertReadsAnsweredDuringOutage(softly, calls, outage, unavailable);
        softly.assertThat(whileAway).withFailMessage("while the broker was away (%s), expected GET "
                + "/connectors?expand=status to show the stopped work as [%s] within %s; last saw [%s]",
                outage.how(), ALL_UNASSIGNED, STOPPED, whileAway).isEqualTo(ALL_UNASSIGNED);

        Delivery after = pollUntil(DELIVERY, () -> Delivery.read(output, 2 * LINES), Delivery::complete);
        progress("lines 1.." + 2 * LINES + (after.complete() ? " delivered: " : " NOT delivered: ") + after
                + "; the topic holds " + recordsInTopic() + " record(s)");
        softly.assertThat(after.missing()).withFailMessage("after the broker %s came back, expected every line "
                + "line-1..line-%d in the sink's file within %s (duplicates allowed); saw %s",
                outage.how(), 2 * LINES, DELIVERY, after).isZero();
        softly.assertThat(after.foreign()).withFailMessage("expected only lines of the input in the sink's file; "
                + "saw %s", after).isEmpty();
        if (outage.exactlyOnce()) {
            CommittedLines committed = CommittedLines.read(broker.bootstrapServers(), TOPIC);
            progress("a read_committed consumer of " + TOPIC + " sees " + committed);
            softly.assertThat(committed).withFailMessage("with exactly-once source delivery, expected a "
                    + "read_committed consumer of %s to see each of line-1..line-%d exactly once after the broker %s "
                    + "came back; saw %s", TOPIC, 2 * LINES, outage.how(), committed)
                    .matches(c -> c.distinct() == 2 * LINES && c.duplicates() == 0 && c.foreign() == 0);
        }

        String statuses = pollUntil(STATUS, () -> statuses(rest, List.of(SOURCE, SINK)), ALL_RUNNING::equals);
        softly.assertThat(statuses).withFailMessage("after the broker %s came back, expected GET "
                + "/connectors?expand=status to show [%s] within %s, without any REST write; last saw [%s]",
                outage.how(), ALL_RUNNING, STATUS, statuses).isEqualTo(ALL_RUNNING);
        progress("statuses: " + statuses);
        softly.assertAll();
    }

    private void progress(String what) {
        System.out.printf("[BrokerOutageIT +%.1f s] %s%n", (System.nanoTime() - startedAt) / 1e9, what);
    }

    /** The end offset of the single-partition topic, i.e. how many records the source produced; -1 if unknown. */
    private long recordsInTopic() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            TopicPartition partition = new TopicPartition(TOPIC, 0);
            return admin.listOffsets(Map.of(partition, OffsetSpec.latest())).partitionResult(partition)
                    .get(10, TimeUnit.SECONDS).offset();
        } catch (Exception e) {
            return -1;
        }
    }

    private static void assertReadsAnsweredDuringOutage(SoftAssertions softly, List<ConnectorListProbe.Call> calls,
                                                        Outage outage, Duration unavailable) {
        List<ConnectorListProbe.Call> unanswered = calls.stream()
                .filter(call -> !call.listed(List.of(SOURCE, SINK)))
                .toList();
        softly.assertThat(calls).withFailMessage("no GET /connectors call was made while the broker was away")
                .isNotEmpty();
        softly.assertThat(unanswered).withFailMessage("while the broker was away (%s, %d ms until it answered "
                        + "again), expected every GET /connectors to answer 200 listing [%s, %s] within %d ms; "
                        + "%d of %d calls did not:%n  %s", outage.how(), unavailable.toMillis(), SOURCE, SINK,
                PROBE_TIMEOUT.toMillis(), unanswered.size(), calls.size(),
                unanswered.stream().limit(10).map(Object::toString).collect(Collectors.joining("\n  ")))
                .isEmpty();
    }

    private WorkerProcess startWorker(Outage outage) {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("bootstrap.servers", broker.bootstrapServers());
        props.put("group.id", "outage-cluster");
        props.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
        props.put("value.converter", "org.apache.kafka.connect.storage.StringConverter");
        props.put("config.storage.topic", "outage-configs");
        props.put("offset.storage.topic", "outage-offsets");
        props.put("status.storage.topic", "outage-status");
        props.put("config.storage.replication.factor", "1");
        props.put("offset.storage.replication.factor", "1");
        props.put("status.storage.replication.factor", "1");
        props.put("offset.flush.interval.ms", "1000");
        props.put("session.timeout.ms", Integer.toString(outage.sessionTimeoutMs()));
        props.put("heartbeat.interval.ms", Integer.toString(outage.heartbeatIntervalMs()));
        if (outage.exactlyOnce()) {
            props.put("exactly.once.source.support", "enabled");
        }
        WorkerProcess started = WorkerProcess.startDistributed(dir, props);
        worker = started;
        started.awaitReady(STARTUP);
        RestClient rest = new RestClient(started.restUrl());
        awaitCondition(STARTUP, "the worker to join its group (GET /connectors answering 200)",
                () -> rest.get("/connectors").status() == 200);
        return started;
    }

    private static void createTopic(String bootstrapServers) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("could not create topic " + TOPIC + " on " + bootstrapServers, e);
        }
    }
}
