package io.tributary.connect.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.connect.e2e.FilePipeline.Delivery;
import io.tributary.connect.e2e.MixedGroup.Runtime;
import io.tributary.connect.e2e.MixedGroup.Worker;
import io.tributary.connect.testkit.KafkaBroker;
import io.tributary.connect.testkit.KafkaBrokerExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static io.tributary.connect.e2e.WorkerProcess.awaitCondition;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The migration a team running Apache Kafka Connect would make: a three-worker Apache 4.1.1 cluster with a file
 * source and a file sink moving lines is restarted one worker at a time, while lines keep being written, three
 * times over: Apache to Apache (what a plain rolling restart costs, the yardstick), Apache to Tributary, and
 * Tributary back to Apache. No line may be lost, and a migration may duplicate no more than the yardstick.
 */
@ExtendWith(KafkaBrokerExtension.class)
class RollingMigrationIT {

    private static final String SOURCE = "migrating-source";
    private static final String SINK = "migrating-sink";
    /** Lines appended every 100 ms while a rolling restart runs. */
    private static final int LINES_PER_TICK = 4;
    /**
     * Duplicates a rolling restart may add beyond the yardstick's: one offset flush interval of lines for each
     * of the two connectors at each of the three steps, as timing alone can move a stop to either side of a flush.
     */
    private static final int SLACK = 2 * 3 * (500 / 100) * LINES_PER_TICK;
    private static final int GENERATION_BUDGET = 80;

    @TempDir
    Path dir;

    private MixedGroup group;
    private ScheduledExecutorService feeder;

    @AfterEach
    void stop() {
        if (feeder != null) {
            feeder.shutdownNow();
        }
        if (group != null) {
            group.close();
        }
    }

    @Test
    void aRunningApacheClusterMovesToTributaryOneWorkerAtATimeAndBackWithoutLosingALine(KafkaBroker broker)
            throws IOException {
        group = new MixedGroup(broker, dir, "migration-" + UUID.randomUUID().toString().substring(0, 8), Map.of());
        group.startAll(Runtime.APACHE, Runtime.APACHE, Runtime.APACHE);
        Path input = dir.resolve("input.txt");
        Path output = dir.resolve("output.txt");
        FilePipeline.appendLines(input, 1, 100);
        String topic = group.groupId() + "-lines";
        broker.createTopic(topic, 1);
        RestClient any = group.live().get(0).rest();
        FilePipeline.createConnector(any, SOURCE, Map.of("connector.class", "FileStreamSource", "tasks.max", "1",
                "file", input.toString(), "topic", topic));
        FilePipeline.createConnector(any, SINK, Map.of("connector.class", "FileStreamSink", "tasks.max", "1",
                "file", output.toString(), "topics", topic));
        Feed feed = new Feed(input, 100);
        awaitBalancedAndRunning();
        awaitDelivered(output, feed.written());

        List<String> report = new ArrayList<>();
        Step yardstick = rollingRestart("Apache -> Apache", Runtime.APACHE, Runtime.APACHE, feed, output);
        report.add(yardstick.toString());
        Step migration = rollingRestart("Apache -> Tributary", Runtime.APACHE, Runtime.TRIBUTARY, feed, output);
        report.add(migration.toString());
        Step rollback = rollingRestart("Tributary -> Apache", Runtime.TRIBUTARY, Runtime.APACHE, feed, output);
        report.add(rollback.toString());
        System.out.println("Rolling restarts:\n  " + String.join("\n  ", report));

        Delivery delivered = Delivery.read(output, feed.written());
        assertThat(delivered.missing()).as("%s", delivered).isZero();
        assertThat(delivered.foreignCount()).as("%s", delivered).isZero();
        assertThat(migration.duplicates()).as("duplicates of the migration, against %s", yardstick)
                .isLessThanOrEqualTo(yardstick.duplicates() + SLACK);
        assertThat(rollback.duplicates()).as("duplicates of the way back, against %s", yardstick)
                .isLessThanOrEqualTo(yardstick.duplicates() + SLACK);
        assertThat(group.highestGeneration()).as("generations of the group").isLessThan(GENERATION_BUDGET);
    }

    /**
     * Replaces each worker of one runtime by a worker of the other, one at a time, while lines are written; a
     * step ends when the new worker is in the group, the connectors and their tasks run on live workers, balanced,
     * every worker says so, and lines still arrive. Then writing pauses until everything written arrived.
     */
    private Step rollingRestart(String label, Runtime from, Runtime to, Feed feed, Path output) {
        long start = System.nanoTime();
        int duplicatesBefore = Delivery.read(output, feed.written()).duplicates();
        feed.resume();
        for (Worker old : group.live().stream().filter(w -> w.runtime() == from).toList()) {
            group.beginStop(old);
            Worker replacement = group.start(to);
            group.awaitStopped(old);
            replacement.process().awaitReady(MixedGroup.STARTUP);
            awaitBalancedAndRunning();
            int target = feed.written();
            awaitCondition(MixedGroup.SETTLE, "lines to keep arriving after " + old + " gave way to " + replacement,
                    () -> Delivery.read(output, target).lines() >= target);
        }
        feed.pause();
        Delivery delivered = awaitDelivered(output, feed.written());
        return new Step(label, delivered.duplicates() - duplicatesBefore, feed.written(),
                Duration.ofNanos(System.nanoTime() - start));
    }

    private void awaitBalancedAndRunning() {
        Set<String> liveIds = group.live().stream().map(Worker::id).collect(Collectors.toSet());
        String[] last = {""};
        try {
            awaitCondition(MixedGroup.SETTLE, "both connectors and their tasks RUNNING, balanced over "
                    + group.describe() + ", the same on every worker", () -> {
                RestClient.Response answer = group.live().get(group.live().size() - 1).rest()
                        .get("/connectors?expand=status", Duration.ofSeconds(10));
                last[0] = answer.body();
                if (answer.status() != 200) {
                    return false;
                }
                Map<String, Integer> connectorsPerWorker = new HashMap<>();
                Map<String, Integer> tasksPerWorker = new HashMap<>();
                for (String name : List.of(SOURCE, SINK)) {
                    JsonNode status = answer.json().path(name).path("status");
                    JsonNode connector = status.path("connector");
                    if (!"RUNNING".equals(connector.path("state").asText())
                            || !liveIds.contains(connector.path("worker_id").asText())
                            || status.path("tasks").size() != 1) {
                        return false;
                    }
                    connectorsPerWorker.merge(connector.path("worker_id").asText(), 1, Integer::sum);
                    for (JsonNode task : status.path("tasks")) {
                        if (!"RUNNING".equals(task.path("state").asText())
                                || !liveIds.contains(task.path("worker_id").asText())) {
                            return false;
                        }
                        tasksPerWorker.merge(task.path("worker_id").asText(), 1, Integer::sum);
                    }
                }
                boolean balanced = connectorsPerWorker.values().stream().allMatch(n -> n == 1)
                        && tasksPerWorker.values().stream().allMatch(n -> n == 1);
                return balanced && group.disagreement(List.of("/connectors/" + SOURCE + "/status",
                        "/connectors/" + SINK + "/status")) == null;
            });
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; last statuses: " + last[0], e);
        }
    }

    private static Delivery awaitDelivered(Path output, int written) {
        Delivery delivered = FilePipeline.pollUntil(MixedGroup.SETTLE, () -> Delivery.read(output, written),
                Delivery::complete);
        assertThat(delivered.complete()).as("every line written so far in the sink's file: %s", delivered).isTrue();
        return delivered;
    }

    /** One rolling restart: the duplicates it added, how many lines were written by its end, how long it took. */
    record Step(String label, int duplicates, int written, Duration took) {
        @Override
        public String toString() {
            return String.format("%s: %d duplicate(s), %d lines written by its end, %d s", label, duplicates,
                    written, took.toSeconds());
        }
    }

    /** Appends numbered lines to the source's file every 100 ms while resumed. */
    private final class Feed {
        private final Path input;
        private volatile boolean paused = true;
        private volatile int written;

        Feed(Path input, int alreadyWritten) {
            this.input = input;
            this.written = alreadyWritten;
            feeder = Executors.newSingleThreadScheduledExecutor();
            feeder.scheduleAtFixedRate(this::tick, 100, 100, TimeUnit.MILLISECONDS);
        }

        private synchronized void tick() {
            if (paused) {
                return;
            }
            try {
                FilePipeline.appendLines(input, written + 1, LINES_PER_TICK);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            written += LINES_PER_TICK;
        }

        int written() {
            return written;
        }

        void resume() {
            paused = false;
        }

        /** Returns once no tick is writing any more. */
        synchronized void pause() {
            paused = true;
        }
    }
}
