package io.tributary.connect.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import io.tributary.connect.errors.ErrorHandler;
import io.tributary.connect.errors.ErrorHandlingSettings;
import io.tributary.connect.errors.ProcessingFailure;
import io.tributary.connect.model.ConnectorTaskId;
import io.tributary.connect.model.TargetState;
import io.tributary.connect.model.State;
import io.tributary.connect.storage.MemoryOffsetBackingStore;
import io.tributary.connect.storage.OffsetCodec;
import io.tributary.connect.storage.SourceOffsetWriter;
import io.tributary.connect.storage.StoredOffsetReader;
import io.tributary.connect.status.TopicRecorder;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.connect.storage.SimpleHeaderConverter;
import org.apache.kafka.connect.storage.StringConverter;

/**
 * A WorkerSourceTask on a thread of its own, built from real parts (empty transformation chain, string
 * converters, memory offset store, error handler, status reporter) around a scripted task and producer.
 */
final class SourceTaskRun implements AutoCloseable {

    static final ConnectorTaskId ID = new ConnectorTaskId("lines-source", 0);
    static final Duration WAIT = Duration.ofSeconds(30);
    /** How long a stopping task waits for records still in flight before it commits what it has. */
    static final long FINAL_ACK_WAIT_MS = 500;

    /** Polls (from the task) and sends (from the producer), in the order they happened. */
    final List<String> events = Collections.synchronizedList(new ArrayList<>());
    final ScriptedSourceTask task = new ScriptedSourceTask(events);
    final ScriptedProducer producer = new ScriptedProducer(events);
    final RecordingStatusStore statuses = new RecordingStatusStore();
    /** Failures handed to the error reporter. */
    final List<ProcessingFailure> reported = new CopyOnWriteArrayList<>();
    final WorkerSourceTask workerTask;
    private final MemoryOffsetBackingStore offsetStore = new MemoryOffsetBackingStore();
    private final OffsetCodec codec = new OffsetCodec();
    private final Thread thread;

    /** With {@link #sharingItsProducer()}: the producer's registry and another task's lease on it. */
    SharedProducers registry;
    SharedProducers.Lease otherTasksLease;

    private SourceTaskRun(boolean tolerateAll) {
        this(tolerateAll, false);
    }

    private SourceTaskRun(boolean tolerateAll, boolean shared) {
        offsetStore.start();
        ErrorHandlingSettings settings = new ErrorHandlingSettings(0, 60_000, tolerateAll, false, false);
        ErrorHandler errors = new ErrorHandler(ID, settings, List.of(failure -> {
            reported.add(failure);
            return CompletableFuture.completedFuture(null);
        }), Time.SYSTEM);
        SourceOffsetWriter writer = new SourceOffsetWriter(ID.connector(), offsetStore, codec);
        SourceOffsetFlusher.Factory flushers = (id, submitted, sourceTask, loader) ->
                new SourceOffsetFlusher(id, submitted, writer, sourceTask, loader, 5_000, Time.SYSTEM);
        TaskProducer taskProducer = TaskProducer.own(producer, ID.toString());
        if (shared) {
            registry = new SharedProducers(config -> producer);
            taskProducer = registry.lease(ID, Map.of("buffer.memory", "1000000"), "connector-producer-" + ID);
            ConnectorTaskId other = new ConnectorTaskId("other-source", 0);
            otherTasksLease = registry.lease(other, Map.of("buffer.memory", "1000000"), "connector-producer-" + other);
        }
        WorkerSourceTask.Parts parts = new WorkerSourceTask.Parts(Map.of(), TransformationChain.empty(),
                stringConverters(), taskProducer, new StoredOffsetReader(ID.connector(), offsetStore, codec), flushers,
                FINAL_ACK_WAIT_MS, TopicRecorder.DISABLED, errors, TopicCreator.NONE, TestPluginMetrics.detached(),
                Time.SYSTEM, TestTaskMetrics.source(new Metrics(), ID, Time.SYSTEM), () -> { },
                new UnacknowledgedRecordBudget());
        workerTask = new WorkerSourceTask(ID, task, parts, new StatusReporter(statuses.store, "worker-1"),
                getClass().getClassLoader(), TargetState.STARTED);
        thread = new Thread(workerTask);
    }

    /** errors.tolerance=none: a record that cannot be sent fails the task. */
    static SourceTaskRun failingOnErrors() {
        return new SourceTaskRun(false);
    }

    /** errors.tolerance=none, the scripted producer shared (see {@link SharedProducers}) with another task. */
    static SourceTaskRun sharingItsProducer() {
        return new SourceTaskRun(false, true);
    }

    /** errors.tolerance=all: a record that cannot be sent is reported and skipped. */
    static SourceTaskRun toleratingErrors() {
        return new SourceTaskRun(true);
    }

    /** Runs the task on its thread and waits until it reports RUNNING. */
    SourceTaskRun start() {
        thread.start();
        await().atMost(WAIT).until(() -> statuses.taskStates().contains(State.RUNNING));
        return this;
    }

    Thread thread() {
        return thread;
    }

    void awaitSent(int count) {
        await().atMost(WAIT).until(() -> producer.history().size() >= count);
    }

    /** Asks the task to stop (any thread, never blocks). */
    void stop() {
        workerTask.stop();
    }

    void awaitFinished() {
        assertThat(workerTask.awaitStop(WAIT.toMillis())).as("task thread finished").isTrue();
    }

    void stopAndAwait() {
        stop();
        awaitFinished();
    }

    /** The offset stored for {@link ScriptedSourceTask#FILE}, or null. */
    Map<String, Object> committedOffset() {
        return new StoredOffsetReader(ID.connector(), offsetStore, codec).offset(ScriptedSourceTask.FILE);
    }

    @Override
    public void close() {
        if (thread.isAlive()) {
            workerTask.stop();
            workerTask.awaitStop(WAIT.toMillis());
        }
        offsetStore.stop();
    }

    private static Converters stringConverters() {
        StringConverter key = new StringConverter();
        key.configure(Map.of(), true);
        StringConverter value = new StringConverter();
        value.configure(Map.of(), false);
        return new Converters(key, value, new SimpleHeaderConverter());
    }
}
