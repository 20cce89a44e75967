package io.tributary.connect.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.connect.testkit.KafkaBroker;
import io.tributary.connect.testkit.KafkaBrokerExtension;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.tributary.connect.e2e.FilePipeline.appendLines;
import static io.tributary.connect.e2e.FilePipeline.createConnector;
import static io.tributary.connect.e2e.FilePipeline.pollUntil;
import static io.tributary.connect.e2e.WorkerProcess.awaitCondition;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 20: exactly-once source delivery survives kill -9. Two distributed worker processes with
 * exactly.once.source.support=enabled run a FileStreamSource with exactly.once.support=required (poll boundaries);
 * the worker running its task is killed with SIGKILL at several points of the run, each time while lines remain to
 * be read, and a new worker joins in its place. A read_committed consumer then sees every input line exactly once:
 * what the killed task had in its open transaction is aborted and read again from the last committed offset.
 */
@ExtendWith(KafkaBrokerExtension.class)
class ExactlyOnceKillIT {

    private static final Duration STARTUP = Duration.ofSeconds(90);
    private static final Duration DELIVERY = Duration.ofSeconds(120);
    private static final int PHASE_LINES = 60_000;
    /** How far into each phase (in committed records) the task's worker is killed. */
    private static final int[] KILL_AFTER = {5_000, 25_000, 45_000};
    private static final String CONNECTOR = "eos-file";

    /** Kept when a test fails: the workers' output and logs are in here. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;

    private KafkaBroker broker;
    private String id;
    private String topic;
    private final List<WorkerProcess> workers = new CopyOnWriteArrayList<>();
    private Admin admin;
    private long startedAt;

    @BeforeEach
    void setUp(KafkaBroker broker) {
        this.broker = broker;
        this.id = UUID.randomUUID().toString().substring(0, 8);
        this.topic = "eos-" + id + "-lines";
        broker.createTopic(topic);
        this.admin = broker.admin();
    }

    @AfterEach
    void stopWorkers() {
        workers.forEach(WorkerProcess::close);
        admin.close();
    }

    @Test
    void everyLineIsReadExactlyOnceThroughRepeatedKillsOfTheWorkerRunningTheTask() throws IOException {
        startedAt = System.nanoTime();
        CompletableFuture<Void> second = CompletableFuture.runAsync(this::startWorker);
        startWorker();
        second.join();
        Path input = dir.resolve("input.txt");
        RestClient rest = new RestClient(workers.get(0).restUrl());
        createConnector(rest, CONNECTOR, Map.of("connector.class", "FileStreamSource", "tasks.max", "1",
                "file", input.toString(), "topic", topic, "exactly.once.support", "required",
                "transaction.boundary", "poll"));
        int written = 0;
        CompletableFuture<Void> replacement = CompletableFuture.completedFuture(null);
        for (int killAfter : KILL_AFTER) {
            long committedBefore = committedEnd();
            appendLines(input, written + 1, PHASE_LINES);
            written += PHASE_LINES;
            awaitCondition(DELIVERY, killAfter + " more records committed to " + topic,
                    () -> committedEnd() >= committedBefore + killAfter);
            replacement.join();
            WorkerProcess running = workerRunningTheTask();
            running.kill();
            workers.remove(running);
            progress("killed the worker running the task (" + running.restUrl() + ") " + killAfter
                    + " records into a phase; " + committedEnd() + " committed offsets so far");
            // The next kill needs a worker to fail over to; it may join while this failover runs.
            replacement = CompletableFuture.runAsync(this::startWorker);
        }
        replacement.join();
        appendLines(input, written + 1, PHASE_LINES);
        written += PHASE_LINES;

        int expected = written;
        CommittedLines counts = pollUntil(DELIVERY, this::readCommitted, seen -> seen.distinct() == expected);
        progress("read back: " + counts);
        assertThat(counts.distinct()).withFailMessage("expected all %d lines in %s within %s; saw %s", expected, topic,
                DELIVERY, counts).isEqualTo(expected);
        assertThat(counts.duplicates()).withFailMessage("expected no line twice; saw %s", counts).isZero();
        assertThat(counts.foreign()).withFailMessage("expected only input lines; saw %s", counts).isZero();
        assertThat(counts.total()).isEqualTo(expected);
    }

    private CommittedLines readCommitted() {
        return CommittedLines.read(broker.bootstrapServers(), topic);
    }

    private long committedEnd() {
        return CommittedLines.committedEnd(admin, topic);
    }

    /** The worker the task's status names while it runs; waits for the task to run somewhere. */
    private WorkerProcess workerRunningTheTask() {
        WorkerProcess[] found = new WorkerProcess[1];
        awaitCondition(STARTUP, "the task of " + CONNECTOR + " to run on a live worker", () -> {
            for (WorkerProcess asked : workers) {
                RestClient.Response status;
                try {
                    status = new RestClient(asked.restUrl()).get("/connectors/" + CONNECTOR + "/status",
                            Duration.ofSeconds(5));
                } catch (AssertionError unreachable) {
                    continue;
                }
                if (status.status() != 200) {
                    continue;
                }
                JsonNode task = status.json().path("tasks").path(0);
                if (!"RUNNING".equals(task.path("state").asText())) {
                    return false;
                }
                String workerId = task.path("worker_id").asText();
                for (WorkerProcess candidate : workers) {
                    if (workerId.equals(candidate.restUrl().getHost() + ":" + candidate.restUrl().getPort())) {
                        found[0] = candidate;
                        return true;
                    }
                }
                return false;
            }
            return false;
        });
        return found[0];
    }

    private void startWorker() {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("bootstrap.servers", broker.bootstrapServers());
        props.put("group.id", "eos-cluster-" + id);
        props.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
        props.put("value.converter", "org.apache.kafka.connect.storage.StringConverter");
        props.put("config.storage.topic", "eos-" + id + "-configs");
        props.put("offset.storage.topic", "eos-" + id + "-offsets");
        props.put("status.storage.topic", "eos-" + id + "-status");
        props.put("config.storage.replication.factor", "1");
        props.put("offset.storage.replication.factor", "1");
        props.put("status.storage.replication.factor", "1");
        props.put("offset.storage.partitions", "3");
        props.put("status.storage.partitions", "2");
        props.put("session.timeout.ms", "6000");
        props.put("heartbeat.interval.ms", "1000");
        props.put("rebalance.timeout.ms", "20000");
        props.put("scheduled.rebalance.max.delay.ms", "1000");
        props.put("exactly.once.source.support", "enabled");
        WorkerProcess worker = WorkerProcess.startDistributed(dir, props);
        workers.add(worker);
        worker.awaitReady(STARTUP);
        RestClient client = new RestClient(worker.restUrl());
        awaitCondition(STARTUP, "worker " + worker.restUrl() + " to join the group",
                () -> client.get("/connectors").status() == 200);
        progress("worker up at " + worker.restUrl());
    }

    private void progress(String what) {
        System.out.printf("[ExactlyOnceKillIT +%.1f s] %s%n", (System.nanoTime() - startedAt) / 1e9, what);
    }
}
