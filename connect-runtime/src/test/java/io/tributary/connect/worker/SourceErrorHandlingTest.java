package io.tributary.connect.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.tributary.connect.model.ConnectorOffset;
import io.tributary.connect.testkit.KafkaBroker;
import io.tributary.connect.testkit.KafkaBrokerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A source whose records fail a transformation: skipped with their offsets committed, or failing the task. */
@ExtendWith(KafkaBrokerExtension.class)
class SourceErrorHandlingTest {

    @TempDir
    Path dir;

    @Test
    void toleratedFailuresSkipTheRecordsAndStillCommitTheirOffsets(KafkaBroker kafka) throws Exception {
        Path file = dir.resolve("lines.txt");
        Map<String, String> config = failingSource(file, "se-skipped");
        config.put("errors.tolerance", "all");

        try (PipelineWorker worker = PipelineWorker.start(kafka, dir)) {
            worker.put("skipping-source", config);

            await().atMost(PipelineWorker.WAIT).until(() -> committedPosition(worker, "skipping-source")
                    == Files.size(file));
            assertThat(worker.awaitTaskState("skipping-source", "RUNNING").trace()).isNull();
        }
    }

    @Test
    void withoutToleranceTheTaskFailsNamingTheTransformation(KafkaBroker kafka) throws Exception {
        try (PipelineWorker worker = PipelineWorker.start(kafka, dir)) {
            worker.put("failing-source", failingSource(dir.resolve("lines.txt"), "se-failed"));

            assertThat(worker.awaitTaskState("failing-source", "FAILED").trace())
                    .contains("Tolerance exceeded in error handler: stage TRANSFORMATION "
                            + "(org.apache.kafka.connect.transforms.ExtractField$Value) of task failing-source-0");
        }
    }

    /** ExtractField cannot read a field of a plain string line, so every record fails it. */
    private static Map<String, String> failingSource(Path file, String topic) throws Exception {
        Files.write(file, List.of("first", "second"));
        Map<String, String> config = new HashMap<>();
        config.put("connector.class", "FileStreamSource");
        config.put("file", file.toString());
        config.put("topic", topic);
        config.put("transforms", "extract");
        config.put("transforms.extract.type", "org.apache.kafka.connect.transforms.ExtractField$Value");
        config.put("transforms.extract.field", "f");
        return config;
    }

    private static long committedPosition(PipelineWorker worker, String connector) throws Exception {
        List<ConnectorOffset> offsets = worker.herder.connectorOffsets(connector).get(30, TimeUnit.SECONDS).offsets();
        if (offsets.isEmpty()) {
            return -1;
        }
        return ((Number) offsets.get(0).offset().get("position")).longValue();
    }
}
