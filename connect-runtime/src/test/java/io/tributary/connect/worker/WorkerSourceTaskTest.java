package io.tributary.connect.worker;

import static io.tributary.connect.worker.ScriptedSourceTask.FILE;
import static io.tributary.connect.worker.ScriptedSourceTask.TOPIC;
import static io.tributary.connect.worker.ScriptedSourceTask.line;
import static io.tributary.connect.worker.ScriptedSourceTask.offset;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import io.tributary.connect.ManualTime;
import io.tributary.connect.errors.ErrorHandler;
import io.tributary.connect.errors.ErrorHandlingSettings;
import io.tributary.connect.errors.ProcessingFailure;
import io.tributary.connect.errors.Stage;
import io.tributary.connect.model.ConnectorTaskId;
import io.tributary.connect.model.State;
import io.tributary.connect.model.TargetState;
import io.tributary.connect.status.TopicRecorder;
import io.tributary.connect.storage.MemoryOffsetBackingStore;
import io.tributary.connect.storage.OffsetCodec;
import io.tributary.connect.storage.SourceOffsetWriter;
import io.tributary.connect.storage.StoredOffsetReader;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The source task loop against kafka-clients' MockProducer, whose sends the test acknowledges or fails by hand,
 * and a clock the test moves: offset writes at offset.flush.interval.ms and the offset.flush.timeout.ms wait at
 * stop are driven by that clock, not by sleeping.
 */
class WorkerSourceTaskTest {

    private static final ConnectorTaskId ID = new ConnectorTaskId("clocked-source", 0);
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final long FLUSH_INTERVAL_MS = 60_000;
    /** Short in real time too: a stopping task re-reads the clock at least this often while records are in flight. */
    private static final long FLUSH_TIMEOUT_MS = 1_000;

    private final ManualTime time = new ManualTime();
    private final Metrics metrics = new Metrics(time);
    private final List<String> events = Collections.synchronizedList(new ArrayList<>());
    private final ScriptedSourceTask task = new ScriptedSourceTask(events);
    private final MockProducer<byte[], byte[]> producer =
            new MockProducer<>(false, null, new ByteArraySerializer(), new ByteArraySerializer());
    private final RecordingStatusStore statuses = new RecordingStatusStore();
    private final MemoryOffsetBackingStore offsetStore = new MemoryOffsetBackingStore();
    private final OffsetCodec codec = new OffsetCodec();
    private final List<ProcessingFailure> reported = new CopyOnWriteArrayList<>();
    /** Early writes spaced as far apart as periodic ones: only the interval decides when offsets are written. */
    private final SourceTaskOffsetCommitter committer =
            new SourceTaskOffsetCommitter(FLUSH_INTERVAL_MS, FLUSH_INTERVAL_MS, time);
    private WorkerSourceTask workerTask;
    private SourceTaskOffsetCommitter.TaskCommits commits;
    private Thread taskThread;

    @AfterEach
    void stopEverything() {
        if (workerTask != null) {
            workerTask.stop();
            // Whatever is still in flight fails as a closing producer would fail it; a stopping task ignores that.
            boolean failedOne;
            do {
                failedOne = producer.errorNext(new IllegalStateException("producer closed"));
            } while (failedOne);
            // Records failed at stop are never acknowledged: move the clock until the task gave up waiting.
            await().atMost(WAIT).until(() -> {
                time.advance(FLUSH_TIMEOUT_MS);
                return workerTask.awaitStop(10);
            });
        }
        committer.close();
        offsetStore.stop();
    }

    @Test
    void polledRecordsAreSentWithTheirKeyAndValueConverted() {
        start(false);
        task.returns(new SourceRecord(FILE, offset(1), TOPIC, null, Schema.STRING_SCHEMA, "key-1",
                Schema.INT64_SCHEMA, 42L));

        await().atMost(WAIT).until(() -> producer.history().size() == 1);

        ProducerRecord<byte[], byte[]> sent = producer.history().get(0);
        assertThat(sent.topic()).isEqualTo(TOPIC);
        assertThat(new String(sent.key(), StandardCharsets.UTF_8)).isEqualTo("key-1");
        assertThat(new String(sent.value(), StandardCharsets.UTF_8)).isEqualTo("42");
    }

    @Test
    void offsetsAreCommittedOnlyOnceTheProducerAcknowledgesTheirRecords() {
        start(false);
        task.returns(line(1), line(2));
        await().atMost(WAIT).until(() -> producer.history().size() == 2);

        flushAtTheNextInterval();
        assertThat(committedOffset()).as("nothing acknowledged yet").isNull();
        assertThat(task.committed).isEmpty();

        producer.completeNext();
        flushAtTheNextInterval();
        assertThat(committedOffset()).isEqualTo(offset(1));

        producer.completeNext();
        flushAtTheNextInterval();
        assertThat(committedOffset()).isEqualTo(offset(2));
        assertThat(task.committedRecords()).containsExactly(line(1), line(2));
        assertThat(task.committed).allSatisfy(committed -> assertThat(committed.metadata()).isNotNull());
    }

    @Test
    void acknowledgedOffsetsAreWrittenOnceTheFlushIntervalHasPassedOnTheClock() {
        start(false);
        task.returns(line(1));
        await().atMost(WAIT).until(() -> producer.history().size() == 1);
        producer.completeNext();

        time.advance(FLUSH_INTERVAL_MS - 1);
        commits.check();
        assertThat(committedOffset()).as("a millisecond before the interval").isNull();

        time.advance(1);
        commits.check();
        assertThat(committedOffset()).isEqualTo(offset(1));
    }

    @Test
    void aSendTheProducerFailsFailsTheTaskAndLeavesItsOffsetUncommitted() {
        start(false);
        task.returns(line(1), line(2));
        await().atMost(WAIT).until(() -> producer.history().size() == 2);

        producer.completeNext();
        producer.errorNext(new RecordTooLargeException("The message is 2000000 bytes when serialized"));

        assertThat(workerTask.awaitStop(WAIT.toMillis())).as("failed task finished").isTrue();
        assertThat(statuses.taskStates()).endsWith(State.FAILED);
        assertThat(statuses.lastWith(State.FAILED).trace()).contains("RecordTooLargeException");
        assertThat(committedOffset()).as("only the acknowledged record's offset").isEqualTo(offset(1));
    }

    @Test
    void aSendTheProducerFailsIsReportedAndSkippedWithErrorsToleranceAll() {
        start(true);
        task.returns(line(1), line(2));
        await().atMost(WAIT).until(() -> producer.history().size() == 2);

        producer.errorNext(new RecordTooLargeException("The message is 2000000 bytes when serialized"));
        producer.completeNext();
        flushAtTheNextInterval();

        assertThat(committedOffset()).isEqualTo(offset(2));
        assertThat(reported).singleElement().satisfies(failure -> {
            assertThat(failure.stage()).isEqualTo(Stage.KAFKA_PRODUCE);
            assertThat(failure.error()).isInstanceOf(RecordTooLargeException.class);
        });
        assertThat(task.committed).extracting(ScriptedSourceTask.Committed::record).containsExactly(line(1), line(2));
        assertThat(task.committed.get(0).metadata()).as("skipped record").isNull();
        assertThat(statuses.taskStates()).doesNotContain(State.FAILED);
    }

    @Test
    void aStoppingTaskWaitsForAcknowledgementsUntilTheFlushTimeoutPassesOnTheClock() {
        start(false);
        task.returns(line(1), line(2));
        await().atMost(WAIT).until(() -> producer.history().size() == 2);
        producer.completeNext();

        workerTask.stop();
        // Its deadline is read from the clock on entering the wait, so move the clock only once it waits.
        await().atMost(WAIT).until(() -> isIn(taskThread, "awaitAllAcked"));
        assertThat(workerTask.awaitStop(300)).as("waiting for line-2 while the clock stands still").isFalse();

        time.advance(FLUSH_TIMEOUT_MS);
        assertThat(workerTask.awaitStop(WAIT.toMillis())).as("task thread finished").isTrue();
        assertThat(committedOffset()).as("line-2 is sent again after a restart").isEqualTo(offset(1));
        assertThat(statuses.taskStates()).doesNotContain(State.FAILED).endsWith(State.UNASSIGNED);
    }

    /** Builds the task around the mock producer and clock, runs it on its own thread and waits until RUNNING. */
    private void start(boolean tolerateAll) {
        offsetStore.start();
        ErrorHandlingSettings settings = new ErrorHandlingSettings(0, 60_000, tolerateAll, false, false);
        ErrorHandler errors = new ErrorHandler(ID, settings, List.of(failure -> {
            reported.add(failure);
            return CompletableFuture.completedFuture(null);
        }), time);
        SourceOffsetWriter writer = new SourceOffsetWriter(ID.connector(), offsetStore, codec);
        SourceOffsetFlusher.Factory flushers = (id, submitted, sourceTask, loader) ->
                new SourceOffsetFlusher(id, submitted, writer, sourceTask, loader, FLUSH_TIMEOUT_MS, time);
        WorkerSourceTask.Parts parts = new WorkerSourceTask.Parts(Map.of(), TransformationChain.empty(),
                TestConverters.stringKeysJsonValues(),
                producer, new StoredOffsetReader(ID.connector(), offsetStore, codec), flushers, FLUSH_TIMEOUT_MS,
                TopicRecorder.DISABLED, errors, TopicCreator.NONE, TestPluginMetrics.detached(), time,
                TestTaskMetrics.source(metrics, ID, time));
        workerTask = new WorkerSourceTask(ID, task, parts, new StatusReporter(statuses.store, "worker-1"),
                getClass().getClassLoader(), TargetState.STARTED);
        commits = committer.commitsOf(ID, workerTask.flusher());
        taskThread = new Thread(workerTask, "clocked-source-task");
        taskThread.start();
        await().atMost(WAIT).until(() -> statuses.taskStates().contains(State.RUNNING));
    }

    private static boolean isIn(Thread thread, String method) {
        return Arrays.stream(thread.getStackTrace()).anyMatch(frame -> frame.getMethodName().equals(method));
    }

    private void flushAtTheNextInterval() {
        time.advance(FLUSH_INTERVAL_MS);
        commits.check();
    }

    private Map<String, Object> committedOffset() {
        return new StoredOffsetReader(ID.connector(), offsetStore, codec).offset(FILE);
    }
}
