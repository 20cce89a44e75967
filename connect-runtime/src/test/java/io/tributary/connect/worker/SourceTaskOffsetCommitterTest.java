package io.tributary.connect.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.tributary.connect.ManualTime;
import io.tributary.connect.model.ConnectorTaskId;
import io.tributary.connect.storage.OffsetBackingStore;
import io.tributary.connect.storage.OffsetCodec;
import io.tributary.connect.storage.SourceOffsetWriter;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The committer's checks driven by hand with an injected clock: when offsets reach the store. */
class SourceTaskOffsetCommitterTest {

    private static final ConnectorTaskId ID = new ConnectorTaskId("conn", 0);
    private static final Map<String, Object> FILE = Map.of("filename", "a.txt");
    private static final OffsetCodec CODEC = new OffsetCodec();

    private final ManualTime clock = new ManualTime(0);
    private final RecordingStore store = new RecordingStore();
    private final CountingTask task = new CountingTask();
    private final SubmittedRecords submitted = new SubmittedRecords(clock);
    private final SourceOffsetFlusher flusher = new SourceOffsetFlusher(ID, submitted,
            new SourceOffsetWriter("conn", store, CODEC), task, getClass().getClassLoader(), 5_000, clock);
    private final SourceTaskOffsetCommitter committer = new SourceTaskOffsetCommitter(10_000, 100, clock);
    private final SourceTaskOffsetCommitter.TaskCommits commits = committer.commitsOf(ID, flusher);

    @AfterEach
    void close() {
        committer.close();
    }

    @Test
    void acknowledgedOffsetIsWrittenAtTheFirstCheckAfterTheSpacing() {
        submitted.submit(FILE, position(10)).ack();

        clock.setMilliseconds(50);
        commits.check();
        assertThat(store.writes).isEmpty();

        clock.setMilliseconds(100);
        commits.check();
        assertThat(store.writes).containsExactly(Map.of(FILE, position(10)));
        assertThat(task.commits).isEqualTo(1);
    }

    @Test
    void offsetOfARecordNotYetAcknowledgedIsNeverWritten() {
        submitted.submit(FILE, position(10)).ack();
        submitted.submit(FILE, position(20));
        submitted.submit(FILE, position(30)).ack();

        clock.setMilliseconds(100);
        commits.check();

        assertThat(store.writes).containsExactly(Map.of(FILE, position(10)));
    }

    @Test
    void acknowledgementBehindAnUnacknowledgedRecordTriggersNoEarlyWrite() {
        submitted.submit(FILE, position(10));
        submitted.submit(FILE, position(20)).ack();

        clock.setMilliseconds(100);
        commits.check();

        assertThat(task.commits).isZero();
    }

    @Test
    void writesOfABusyTaskAreSpacedApart() {
        submitted.submit(FILE, position(10)).ack();
        clock.setMilliseconds(100);
        commits.check();
        submitted.submit(FILE, position(20)).ack();

        clock.setMilliseconds(150);
        commits.check();
        assertThat(store.writes).hasSize(1);

        clock.setMilliseconds(200);
        commits.check();
        assertThat(store.writes).containsExactly(Map.of(FILE, position(10)), Map.of(FILE, position(20)));
    }

    @Test
    void idleTaskIsCommittedOnlyOncePerInterval() {
        clock.setMilliseconds(5_000);
        commits.check();
        assertThat(task.commits).isZero();

        clock.setMilliseconds(10_000);
        commits.check();
        assertThat(task.commits).isEqualTo(1);
        assertThat(store.writes).isEmpty();
    }

    @Test
    void failedWriteIsRetriedWithTheNextAcknowledgementsOnlyAfterTheInterval() {
        store.failing = true;
        submitted.submit(FILE, position(10)).ack();
        clock.setMilliseconds(100);
        commits.check();
        store.failing = false;
        submitted.submit(FILE, position(20)).ack();

        clock.setMilliseconds(5_000);
        commits.check();
        assertThat(store.writes).isEmpty();

        clock.setMilliseconds(10_100);
        commits.check();
        assertThat(store.writes).containsExactly(Map.of(FILE, position(20)));
    }

    private static Map<String, Object> position(long position) {
        return Map.of("position", position);
    }

    /** Completes every write at once (or fails it), remembering the decoded offsets written. */
    private static final class RecordingStore implements OffsetBackingStore {
        final List<Map<Map<String, Object>, Map<String, Object>>> writes = new ArrayList<>();
        volatile boolean failing;

        @Override
        public void start() {
        }

        @Override
        public void stop() {
        }

        @Override
        public CompletableFuture<Map<ByteBuffer, ByteBuffer>> get(Collection<ByteBuffer> keys) {
            return CompletableFuture.completedFuture(Map.of());
        }

        @Override
        public CompletableFuture<Void> set(Map<ByteBuffer, ByteBuffer> values) {
            if (failing) {
                return CompletableFuture.failedFuture(new IllegalStateException("store unavailable"));
            }
            Map<Map<String, Object>, Map<String, Object>> decoded = new HashMap<>();
            values.forEach((key, value) -> decoded.put(CODEC.parseKey(key).partition(), CODEC.offset(value)));
            writes.add(decoded);
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletableFuture<Map<ByteBuffer, ByteBuffer>> all() {
            return CompletableFuture.completedFuture(Map.of());
        }
    }

    private static final class CountingTask extends SourceTask {
        int commits;

        @Override
        public String version() {
            return "test";
        }

        @Override
        public void start(Map<String, String> props) {
        }

        @Override
        public List<SourceRecord> poll() {
            return null;
        }

        @Override
        public void commit() {
            commits++;
        }

        @Override
        public void stop() {
        }
    }
}
