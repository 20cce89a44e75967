package org.apache.kafka.connect.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileStreamSinkTaskTest {

    @TempDir
    Path dir;

    private static SinkRecord record(Object value, long offset) {
        return new SinkRecord("topic", 0, null, null, null, value, offset);
    }

    @Test
    void writesEachValueAsALineAndFlushesOnFlush() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, false, StandardCharsets.UTF_8);
        FileStreamSinkTask task = new FileStreamSinkTask(out);
        task.start(Map.of());

        task.put(List.of(record("line1", 0), record(null, 1), record(42, 2)));
        task.flush(Map.of());

        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("line1\nnull\n42\n");
    }

    @Test
    void appendsToTheFileAndDataIsThereAfterFlush() throws Exception {
        Path file = dir.resolve("out.txt");
        Files.writeString(file, "existing\n");
        FileStreamSinkTask task = new FileStreamSinkTask();
        task.start(Map.of("file", file.toString()));

        task.put(List.of(record("new", 0), record("héllo", 1)));
        task.flush(Map.of());

        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo("existing\nnew\nhéllo\n");
        task.stop();
    }

    @Test
    void linesReachTheFileAsSoonAsPutReturns() throws Exception {
        Path file = dir.resolve("tailed.txt");
        FileStreamSinkTask task = new FileStreamSinkTask();
        task.start(Map.of("file", file.toString()));

        task.put(List.of(record("first", 0), record("second", 1)));

        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo("first\nsecond\n");
        task.stop();
    }

    @Test
    void largeBatchesKeepEveryLineInOrder() throws Exception {
        Path file = dir.resolve("large.txt");
        FileStreamSinkTask task = new FileStreamSinkTask();
        task.start(Map.of("file", file.toString()));
        StringBuilder expected = new StringBuilder();
        for (int batch = 0; batch < 3; batch++) {
            List<SinkRecord> records = new java.util.ArrayList<>();
            for (int i = 0; i < 20_000; i++) {
                String value = "line " + batch + "-" + i + " ü€";
                records.add(record(value, i));
                expected.append(value).append('\n');
            }
            task.put(records);
        }
        task.stop();

        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(expected.toString());
    }

    @Test
    void aBatchFailingHalfwayLeavesNoTextBehindForTheNextBatch() throws Exception {
        Path file = dir.resolve("halfway.txt");
        FileStreamSinkTask task = new FileStreamSinkTask();
        task.start(Map.of("file", file.toString()));
        Object unprintable = new Object() {
            @Override
            public String toString() {
                throw new IllegalStateException("cannot print");
            }
        };

        assertThatThrownBy(() -> task.put(List.of(record("before", 0), record(unprintable, 1))))
            .isInstanceOf(IllegalStateException.class);
        task.put(List.of(record("next", 2)));
        task.stop();

        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo("next\n");
    }

    @Test
    void aFailedWriteFailsFlushSoOffsetsAreNotCommitted() {
        PrintStream broken = new PrintStream(new java.io.OutputStream() {
            @Override
            public void write(int b) throws java.io.IOException {
                throw new java.io.IOException("No space left on device");
            }
        }, false, StandardCharsets.UTF_8);
        FileStreamSinkTask task = new FileStreamSinkTask(broken);
        task.start(Map.of());

        task.put(List.of(record("lost?", 0)));

        assertThatThrownBy(() -> task.flush(Map.of()))
            .isInstanceOf(ConnectException.class)
            .hasMessageContaining("offsets are not committed");
    }

    @Test
    void createsTheFileWhenMissing() throws Exception {
        Path file = dir.resolve("created.txt");
        FileStreamSinkTask task = new FileStreamSinkTask();
        task.start(Map.of("file", file.toString()));
        task.put(List.of(record("x", 0)));
        task.stop();

        assertThat(Files.readString(file)).isEqualTo("x\n");
    }

    @Test
    void unwritableFileFailsStartNamingTheFile() {
        String path = dir.resolve("no-such-dir").resolve("out.txt").toString();
        FileStreamSinkTask task = new FileStreamSinkTask();

        assertThatThrownBy(() -> task.start(Map.of("file", path)))
            .isInstanceOf(ConnectException.class)
            .hasMessageContaining(path);
    }
}
