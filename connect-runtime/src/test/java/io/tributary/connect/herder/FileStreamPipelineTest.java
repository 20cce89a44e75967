package io.tributary.connect.herder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.tributary.connect.storage.OffsetCodec;
import io.tributary.connect.testkit.KafkaBroker;
import io.tributary.connect.testkit.KafkaBrokerExtension;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** FileStreamSource -> topic -> FileStreamSink through the standalone herder, across a restart. */
@ExtendWith(KafkaBrokerExtension.class)
class FileStreamPipelineTest {

    private static final Duration WAIT = Duration.ofSeconds(120);

    @TempDir
    Path dir;

    @Test
    void linesArriveIdenticalAndInOrderAndResumeWithoutLossOrDuplicatesAfterRestart(KafkaBroker kafka)
            throws Exception {
        kafka.createTopic("pipeline-lines");
        Path in = dir.resolve("in.txt");
        Path out = dir.resolve("out.txt");
        Path offsets = dir.resolve("connect.offsets");
        List<String> lines = lines(0, 20_000);
        Files.write(in, lines, StandardCharsets.UTF_8);

        try (StandaloneRuntime runtime = StandaloneRuntime.start(kafka, offsets)) {
            startPipeline(runtime, in, out);
            awaitLines(out, 20_000);
        }
        assertThat(Files.readAllLines(out)).isEqualTo(lines);
        assertThat(storedPosition(offsets, in)).isEqualTo(Files.size(in));

        List<String> more = lines(20_000, 20_500);
        Files.write(in, more, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        try (StandaloneRuntime runtime = StandaloneRuntime.start(kafka, offsets)) {
            startPipeline(runtime, in, out);
            awaitLines(out, 20_500);
        }
        assertThat(Files.readAllLines(out)).isEqualTo(Files.readAllLines(in));
    }

    @Test
    void sinkOffsetsAreCommittedToTheConnectorsConsumerGroup(KafkaBroker kafka) throws Exception {
        kafka.createTopic("pipeline-committed");
        Path in = dir.resolve("in.txt");
        Path out = dir.resolve("out.txt");
        Files.write(in, lines(0, 300), StandardCharsets.UTF_8);

        try (StandaloneRuntime runtime = StandaloneRuntime.start(kafka, dir.resolve("connect.offsets"));
             Admin admin = kafka.admin()) {
            runtime.put("committed-source", Map.of("connector.class", "FileStreamSource",
                    "file", in.toString(), "topic", "pipeline-committed"));
            runtime.put("committed-sink", Map.of("connector.class", "FileStreamSink",
                    "file", out.toString(), "topics", "pipeline-committed"));
            awaitLines(out, 300);

            TopicPartition partition = new TopicPartition("pipeline-committed", 0);
            await().atMost(WAIT).until(() -> {
                Map<TopicPartition, OffsetAndMetadata> committed = admin
                        .listConsumerGroupOffsets("connect-committed-sink").partitionsToOffsetAndMetadata().get();
                OffsetAndMetadata offset = committed.get(partition);
                return offset != null && offset.offset() == 300;
            });
        }
    }

    private static void startPipeline(StandaloneRuntime runtime, Path in, Path out) throws Exception {
        runtime.put("local-file-source", Map.of("connector.class", "FileStreamSource",
                "file", in.toString(), "topic", "pipeline-lines"));
        runtime.put("local-file-sink", Map.of("connector.class", "FileStreamSink",
                "file", out.toString(), "topics", "pipeline-lines"));
    }

    private static void awaitLines(Path file, int count) {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(200))
                .until(() -> Files.exists(file) && lineCount(file) >= count);
    }

    private static long lineCount(Path file) throws IOException {
        try (var lines = Files.lines(file)) {
            return lines.count();
        }
    }

    private static long storedPosition(Path offsetsFile, Path in) throws Exception {
        OffsetCodec codec = new OffsetCodec();
        var store = new io.tributary.connect.storage.FileOffsetBackingStore(offsetsFile);
        store.start();
        try {
            var key = codec.key("local-file-source", Map.of("filename", in.toString()));
            return (Long) codec.offset(store.get(List.of(key)).get().get(key)).get("position");
        } finally {
            store.stop();
        }
    }

    private static List<String> lines(int from, int to) {
        List<String> lines = new ArrayList<>();
        for (int i = from; i < to; i++) {
            lines.add("line " + i + " of the pipeline test");
        }
        return lines;
    }
}
