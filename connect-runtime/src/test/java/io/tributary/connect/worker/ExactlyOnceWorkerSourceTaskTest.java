package io.tributary.connect.worker;

import static io.tributary.connect.worker.ScriptedSourceTask.FILE;
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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.tributary.connect.ManualTime;
import io.tributary.connect.errors.ErrorHandler;
import io.tributary.connect.errors.ErrorHandlingSettings;
import io.tributary.connect.model.ConnectorTaskId;
import io.tributary.connect.model.State;
import io.tributary.connect.model.TargetState;
import io.tributary.connect.status.TopicRecorder;
import io.tributary.connect.storage.MemoryOffsetBackingStore;
import io.tributary.connect.storage.OffsetCodec;
import io.tributary.connect.storage.StoredOffsetReader;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask.TransactionBoundary;
import org.apache.kafka.connect.source.TransactionContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The exactly-once source task loop against kafka-clients' transactional MockProducer and a clock the test moves:
 * what each transaction.boundary commits and when, aborts asked for by the task, the herder's checks around the
 * producer, and a producer fenced out by a newer generation.
 */
class ExactlyOnceWorkerSourceTaskTest {

    private static final ConnectorTaskId ID = new ConnectorTaskId("eos-source", 0);
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String OFFSETS_TOPIC = "connect-offsets";
    private static final long INTERVAL_MS = 10_000;

    private final ManualTime time = new ManualTime();
    private final Metrics metrics = new Metrics(time);
    private final List<String> events = Collections.synchronizedList(new ArrayList<>());
    private final ScriptedSourceTask task = new ScriptedSourceTask(events);
    private final MockProducer<byte[], byte[]> producer =
            new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
    private final RecordingStatusStore statuses = new RecordingStatusStore();
    private final MemoryOffsetBackingStore offsetStore = new MemoryOffsetBackingStore();
    private final OffsetCodec codec = new OffsetCodec();
    private ExactlyOnceWorkerSourceTask workerTask;

    @AfterEach
    void stopEverything() {
        if (workerTask != null) {
            workerTask.stop();
            assertThat(workerTask.awaitStop(WAIT.toMillis())).as("task thread finished").isTrue();
        }
        offsetStore.stop();
    }

    @Test
    void pollBoundaryCommitsEachPolledBatchWithItsOffsetInOneTransaction() {
        start(TransactionBoundary.POLL, ExactlyOncePreflight.NONE);
        task.returns(line(1), line(2));
        await().atMost(WAIT).until(() -> producer.commitCount() == 1);

        assertThat(values(producer.history())).containsExactly("\"line-1\"", "\"line-2\"", "{\"position\":2}");
        assertThat(producer.history().get(2).topic()).isEqualTo(OFFSETS_TOPIC);
        assertThat(new String(producer.history().get(2).key(), StandardCharsets.UTF_8))
                .isEqualTo("[\"eos-source\",{\"file\":\"lines.txt\"}]");
        await().atMost(WAIT).until(() -> task.committedRecords().size() == 2);
        assertThat(task.committed).allSatisfy(committed -> assertThat(committed.metadata()).isNotNull());

        task.returns(line(3));
        await().atMost(WAIT).until(() -> producer.commitCount() == 2);
        assertThat(values(producer.history())).endsWith("\"line-3\"", "{\"position\":3}");
        assertThat(metric("transaction-size-max")).isEqualTo(2.0);
        assertThat(metric("transaction-size-min")).isEqualTo(1.0);
    }

    @Test
    void pollBoundaryPollsTheNextBatchWhileTheLastTransactionCommitsAndBeginsTheNextOnlyAfterIt() throws Exception {
        CountDownLatch commitMayEnd = new CountDownLatch(1);
        CountDownLatch secondBatchPolled = new CountDownLatch(1);
        MockProducer<byte[], byte[]> slowCommits = new MockProducer<>(true, null, new ByteArraySerializer(),
                new ByteArraySerializer()) {
            @Override
            public void commitTransaction() {
                // Waits outside the mock's lock, so the test can look at its history meanwhile.
                if (commitCount() == 0) {
                    try {
                        commitMayEnd.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                super.commitTransaction();
            }
        };
        workerTask = newTask(task, TransactionBoundary.POLL, ExactlyOncePreflight.NONE, slowCommits);
        task.returns(line(1));
        task.then(() -> {
            secondBatchPolled.countDown();
            return List.of(line(2));
        });
        run(workerTask);

        try {
            assertThat(secondBatchPolled.await(WAIT.toSeconds(), TimeUnit.SECONDS))
                    .as("the second batch is polled while the first transaction commits").isTrue();
            await().atMost(WAIT).until(() -> taskThreadIsIn("TransactionCommitter.await"));
            assertThat(task.committedRecords()).as("nothing is reported committed before the commit ends").isEmpty();
            assertThat(values(slowCommits.uncommittedRecords())).as("the next transaction waits for the commit")
                    .containsExactly("\"line-1\"", "{\"position\":1}");
            assertThat(slowCommits.history()).isEmpty();
        } finally {
            commitMayEnd.countDown();
        }
        await().atMost(WAIT).until(() -> slowCommits.commitCount() == 2);
        await().atMost(WAIT).until(() -> task.committedRecords().size() == 2);
        assertThat(task.committedRecords()).containsExactly(line(1), line(2));
        assertThat(values(slowCommits.history())).containsExactly("\"line-1\"", "{\"position\":1}",
                "\"line-2\"", "{\"position\":2}");
    }

    @Test
    void intervalBoundaryCommitsOnlyOnceTheIntervalHasPassedOnTheClock() {
        start(TransactionBoundary.INTERVAL, ExactlyOncePreflight.NONE);
        task.returns(line(1));
        task.returns(line(2));
        await().atMost(WAIT).until(() -> producer.uncommittedRecords().size() == 2);
        awaitPolls(3);
        assertThat(producer.commitCount()).as("before the interval passed").isZero();

        time.advance(INTERVAL_MS);
        await().atMost(WAIT).until(() -> producer.commitCount() == 1);
        assertThat(values(producer.history())).containsExactly("\"line-1\"", "\"line-2\"", "{\"position\":2}");
    }

    @Test
    void intervalBoundaryCommitsWhatIsOpenWhenTheTaskStops() {
        start(TransactionBoundary.INTERVAL, ExactlyOncePreflight.NONE);
        task.returns(line(1));
        await().atMost(WAIT).until(() -> producer.uncommittedRecords().size() == 1);

        workerTask.stop();
        assertThat(workerTask.awaitStop(WAIT.toMillis())).isTrue();
        assertThat(producer.commitCount()).isEqualTo(1);
        assertThat(values(producer.history())).containsExactly("\"line-1\"", "{\"position\":1}");
    }

    @Test
    void transactionContextIsGivenOnlyToTasksThatDefineTheirBoundaries() {
        start(TransactionBoundary.POLL, ExactlyOncePreflight.NONE);
        assertThat(task.context().transactionContext()).isNull();
        workerTask.stop();
        assertThat(workerTask.awaitStop(WAIT.toMillis())).isTrue();
        workerTask.removeMetrics();

        ScriptedSourceTask defining = new ScriptedSourceTask(events);
        workerTask = newTask(defining, TransactionBoundary.CONNECTOR, ExactlyOncePreflight.NONE,
                new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer()));
        new Thread(workerTask, "defining-task").start();
        await().atMost(WAIT).until(() -> defining.context() != null);
        assertThat(defining.context().transactionContext()).isInstanceOf(WorkerTransactionContext.class);
    }

    @Test
    void connectorBoundaryCommitsRightAfterTheRecordTheTaskNamed() {
        start(TransactionBoundary.CONNECTOR, ExactlyOncePreflight.NONE);
        task.then(() -> {
            transactions().commitTransaction(line(2));
            return List.of(line(1), line(2), line(3));
        });
        await().atMost(WAIT).until(() -> producer.commitCount() == 1);
        assertThat(values(producer.history())).containsExactly("\"line-1\"", "\"line-2\"", "{\"position\":2}");
        assertThat(values(producer.uncommittedRecords())).as("line-3 waits for the next boundary")
                .containsExactly("\"line-3\"");

        task.then(() -> {
            transactions().commitTransaction();
            return List.of(line(4));
        });
        await().atMost(WAIT).until(() -> producer.commitCount() == 2);
        assertThat(values(producer.history())).endsWith("\"line-3\"", "\"line-4\"", "{\"position\":4}");
    }

    @Test
    void connectorBoundaryAbortDiscardsTheRecordsButCommitsTheirOffsets() {
        start(TransactionBoundary.CONNECTOR, ExactlyOncePreflight.NONE);
        task.then(() -> {
            transactions().abortTransaction(line(2));
            return List.of(line(1), line(2));
        });
        await().atMost(WAIT).until(() -> producer.commitCount() == 1);

        assertThat(values(producer.history())).as("the aborted records are gone; their offset is not")
                .containsExactly("{\"position\":2}");
        assertThat(task.committedRecords()).as("no commitRecord for aborted records").isEmpty();
    }

    @Test
    void connectorBoundaryAbortOfAWholeBatch() {
        start(TransactionBoundary.CONNECTOR, ExactlyOncePreflight.NONE);
        task.then(() -> {
            transactions().commitTransaction(line(1));
            transactions().abortTransaction();
            return List.of(line(1), line(2), line(3));
        });
        await().atMost(WAIT).until(() -> producer.commitCount() == 2);

        assertThat(values(producer.history())).containsExactly("\"line-1\"", "{\"position\":1}",
                "{\"position\":3}");
    }

    @Test
    void askingToCommitAndAbortTheSameRecordFailsTheTask() {
        start(TransactionBoundary.CONNECTOR, ExactlyOncePreflight.NONE);
        task.then(() -> {
            transactions().commitTransaction(line(1));
            transactions().abortTransaction(line(1));
            return List.of(line(1));
        });

        assertThat(workerTask.awaitStop(WAIT.toMillis())).isTrue();
        assertThat(statuses.lastWith(State.FAILED).trace())
                .contains("Connector requested both commit and abort of same record against topic/partition lines/null");
        assertThat(producer.commitCount()).isZero();
    }

    @Test
    void theLeadersFencingComesBeforeTheProducerAndTheGenerationCheckAfterIt() {
        AtomicReference<Boolean> initializedAtFencing = new AtomicReference<>();
        AtomicReference<Boolean> initializedAtCheck = new AtomicReference<>();
        start(TransactionBoundary.POLL, new ExactlyOncePreflight() {
            @Override
            public void beforeProducer() {
                initializedAtFencing.set(producer.transactionInitialized());
            }

            @Override
            public void afterProducer() {
                initializedAtCheck.set(producer.transactionInitialized());
            }
        });

        assertThat(initializedAtFencing.get()).isFalse();
        assertThat(initializedAtCheck.get()).isTrue();
    }

    @Test
    void aTaskOfAStaleGenerationFailsBeforeTheTaskStartsOrWritesAnything() {
        workerTask = newTask(task, TransactionBoundary.POLL, new ExactlyOncePreflight() {
            @Override
            public void beforeProducer() {
            }

            @Override
            public void afterProducer() {
                throw new ConnectException("Cannot start source task eos-source-0 with exactly-once support as the "
                        + "connector has already generated a new set of task configs");
            }
        }, producer);
        Thread thread = new Thread(workerTask, "stale-task");
        thread.start();

        assertThat(workerTask.awaitStop(WAIT.toMillis())).isTrue();
        assertThat(statuses.taskStates()).containsExactly(State.FAILED);
        assertThat(statuses.lastWith(State.FAILED).trace()).contains("has already generated a new set of task configs");
        assertThat(task.context()).as("the task was never initialized").isNull();
        assertThat(producer.history()).isEmpty();
    }

    @Test
    void aProducerFencedOutByANewerGenerationFailsTheTaskWithoutCommitting() {
        start(TransactionBoundary.POLL, ExactlyOncePreflight.NONE);
        task.returns(line(1));
        await().atMost(WAIT).until(() -> producer.commitCount() == 1);

        producer.fenceProducer();
        task.returns(line(2));

        assertThat(workerTask.awaitStop(WAIT.toMillis())).isTrue();
        assertThat(statuses.lastWith(State.FAILED).trace()).contains("ProducerFencedException");
        assertThat(producer.commitCount()).isEqualTo(1);
        assertThat(values(producer.history())).containsExactly("\"line-1\"", "{\"position\":1}");
    }

    @Test
    void aRecordForTheOffsetsTopicFailsTheTask() {
        start(TransactionBoundary.POLL, ExactlyOncePreflight.NONE);
        task.returns(new SourceRecord(FILE, offset(1), OFFSETS_TOPIC, Schema.STRING_SCHEMA, "sneaky"));

        assertThat(workerTask.awaitStop(WAIT.toMillis())).isTrue();
        assertThat(statuses.lastWith(State.FAILED).trace())
                .contains("Source tasks may not produce to their own offsets topics when exactly-once support is enabled");
    }

    private TransactionContext transactions() {
        return task.context().transactionContext();
    }

    private void start(TransactionBoundary boundary, ExactlyOncePreflight preflight) {
        workerTask = newTask(task, boundary, preflight, producer);
        run(workerTask);
    }

    private void run(ExactlyOnceWorkerSourceTask runnable) {
        Thread thread = new Thread(runnable, "eos-source-task");
        thread.start();
        await().atMost(WAIT).until(() -> statuses.taskStates().contains(State.RUNNING));
    }

    private ExactlyOnceWorkerSourceTask newTask(ScriptedSourceTask sourceTask, TransactionBoundary boundary,
                                                ExactlyOncePreflight preflight, MockProducer<byte[], byte[]> mock) {
        offsetStore.start();
        ErrorHandler errors = new ErrorHandler(ID, new ErrorHandlingSettings(0, 60_000, false, false, false),
                List.of(failure -> CompletableFuture.completedFuture(null)), time);
        ExactlyOnceWorkerSourceTask.Parts parts = new ExactlyOnceWorkerSourceTask.Parts(Map.of(),
                TransformationChain.empty(), TestConverters.stringKeysJsonValues(), mock,
                new StoredOffsetReader(ID.connector(), offsetStore, codec),
                new TransactionalOffsets(ID.connector(), OFFSETS_TOPIC, null, 1_000), boundary, INTERVAL_MS,
                preflight, 1_000, TopicRecorder.DISABLED, errors, TopicCreator.NONE, TestPluginMetrics.detached(),
                time, TestTaskMetrics.source(metrics, ID, time), () -> { });
        return new ExactlyOnceWorkerSourceTask(ID, sourceTask, parts, new StatusReporter(statuses.store, "worker-1"),
                getClass().getClassLoader(), TargetState.STARTED);
    }

    private Object metric(String name) {
        return metrics.metrics().entrySet().stream()
                .filter(e -> e.getKey().name().equals(name) && e.getKey().group().equals("source-task-metrics"))
                .findFirst().orElseThrow().getValue().metricValue();
    }

    private static boolean taskThreadIsIn(String method) {
        return Thread.getAllStackTraces().entrySet().stream()
                .filter(e -> e.getKey().getName().equals("task-thread-" + ID))
                .flatMap(e -> Arrays.stream(e.getValue()))
                .anyMatch(frame -> (frame.getClassName().substring(frame.getClassName().lastIndexOf('.') + 1) + "."
                        + frame.getMethodName()).equals(method));
    }

    /** Waits until the task polled this many more times, i.e. went round its loop. */
    private void awaitPolls(int more) {
        long target = polls() + more;
        await().atMost(WAIT).until(() -> polls() >= target);
    }

    private long polls() {
        synchronized (events) {
            return events.stream().filter("poll"::equals).count();
        }
    }

    private static List<String> values(List<ProducerRecord<byte[], byte[]>> records) {
        return records.stream().map(record -> new String(record.value(), StandardCharsets.UTF_8)).toList();
    }
}
