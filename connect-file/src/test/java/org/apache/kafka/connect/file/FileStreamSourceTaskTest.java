package org.apache.kafka.connect.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileStreamSourceTaskTest {

    @TempDir
    Path dir;

    private final FakeSourceTaskContext context = new FakeSourceTaskContext();
    private FileStreamSourceTask task;

    private FileStreamSourceTask start(Path file, String... extra) {
        task = new FileStreamSourceTask(1L);
        task.initialize(context);
        Map<String, String> props = new java.util.HashMap<>(Map.of("file", file.toString(), "topic", "lines"));
        for (int i = 0; i < extra.length; i += 2) {
            props.put(extra[i], extra[i + 1]);
        }
        task.start(props);
        return task;
    }

    @AfterEach
    void stopTask() {
        if (task != null) {
            task.stop();
        }
    }

    private Path file(String content) throws IOException {
        Path file = dir.resolve("input.txt");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    private static List<String> values(List<SourceRecord> records) {
        return records.stream().map(r -> (String) r.value()).toList();
    }

    private static List<Object> positions(List<SourceRecord> records) {
        return records.stream().map(r -> (Object) r.sourceOffset().get("position")).toList();
    }

    @Test
    void emitsOneStringRecordPerLineWithFilePartitionAndNoKey() throws Exception {
        Path file = file("first\nsecond\n");

        List<SourceRecord> records = start(file).poll();

        assertThat(values(records)).containsExactly("first", "second");
        SourceRecord first = records.get(0);
        assertThat(first.sourcePartition()).isEqualTo(Map.of("filename", file.toString()));
        assertThat(first.topic()).isEqualTo("lines");
        assertThat(first.key()).isNull();
        assertThat(first.keySchema()).isNull();
        assertThat(first.valueSchema()).isEqualTo(Schema.STRING_SCHEMA);
        assertThat(first.kafkaPartition()).isNull();
        assertThat(first.timestamp()).isNotNull();
    }

    @Test
    void offsetIsBytePositionAfterEachLine() throws Exception {
        List<SourceRecord> records = start(file("héllo\nab\n")).poll();

        assertThat(positions(records)).containsExactly(7L, 10L);
    }

    @Test
    void crlfAndLoneCarriageReturnEndLines() throws Exception {
        List<SourceRecord> records = start(file("a\r\nb\rc\n\n")).poll();

        assertThat(values(records)).containsExactly("a", "b", "c", "");
        assertThat(positions(records)).containsExactly(3L, 5L, 7L, 8L);
    }

    @Test
    void resumesFromStoredPosition() throws Exception {
        Path file = file("one\ntwo\nthree\n");
        context.storedOffsets.put(Map.of("filename", file.toString()), Map.of("position", 4L));

        List<SourceRecord> records = start(file).poll();

        assertThat(values(records)).containsExactly("two", "three");
        assertThat(positions(records)).containsExactly(8L, 14L);
    }

    @Test
    void storedPositionOfWrongTypeFailsTheTask() throws Exception {
        Path file = file("one\n");
        context.storedOffsets.put(Map.of("filename", file.toString()), Map.of("position", "4"));
        start(file);

        assertThatThrownBy(() -> task.poll()).isInstanceOf(ConnectException.class);
    }

    @Test
    void partialLastLineWaitsForItsEnd() throws Exception {
        Path file = file("done\nparti");
        start(file);

        assertThat(values(task.poll())).containsExactly("done");
        assertThat(task.poll()).isNull();

        Files.writeString(file, "al\n", StandardOpenOption.APPEND);
        List<SourceRecord> records = task.poll();
        assertThat(values(records)).containsExactly("partial");
        assertThat(positions(records)).containsExactly(13L);
    }

    @Test
    void carriageReturnAtEndOfDataWaitsToSeeIfNewlineFollows() throws Exception {
        Path file = file("a\r");
        start(file);

        assertThat(task.poll()).isNull();

        Files.writeString(file, "\nb\n", StandardOpenOption.APPEND);
        List<SourceRecord> records = task.poll();
        assertThat(values(records)).containsExactly("a", "b");
        assertThat(positions(records)).containsExactly(3L, 5L);
    }

    @Test
    void missingFileIsPickedUpOnceItAppears() throws Exception {
        Path file = dir.resolve("later.txt");
        start(file);

        assertThat(task.poll()).isNull();

        Files.writeString(file, "arrived\n");
        assertThat(values(task.poll())).containsExactly("arrived");
    }

    @Test
    void pollReturnsAtMostBatchSizeLines() throws Exception {
        start(file("1\n2\n3\n4\n5\n"), "batch.size", "2");

        assertThat(values(task.poll())).containsExactly("1", "2");
        assertThat(values(task.poll())).containsExactly("3", "4");
        assertThat(values(task.poll())).containsExactly("5");
    }

    @Test
    void aBatchSizeBelowOneReadsOneLineAtATime() throws Exception {
        start(file("1\n2\n"), "batch.size", "-5");

        assertThat(values(task.poll())).containsExactly("1");
        assertThat(values(task.poll())).containsExactly("2");
    }

    @Test
    void linesLongerThanTheReadChunkAreKeptWhole() throws Exception {
        String longLine = "x".repeat(200_000);

        List<SourceRecord> records = start(file(longLine + "\nshort\n")).poll();

        assertThat(values(records)).containsExactly(longLine, "short");
        assertThat(positions(records)).containsExactly(200_001L, 200_007L);
    }

    @Test
    void emptyFileGivesNoRecords() throws Exception {
        assertThat(start(file("")).poll()).isNull();
    }
}
