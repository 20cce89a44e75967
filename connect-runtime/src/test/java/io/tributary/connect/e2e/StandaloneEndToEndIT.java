package io.tributary.connect.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.connect.e2e.plugins.ScriptedSourceConnector;
import io.tributary.connect.testkit.KafkaBroker;
import io.tributary.connect.testkit.KafkaBrokerExtension;
import org.apache.kafka.connect.source.SourceConnector;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static io.tributary.connect.e2e.WorkerProcess.awaitCondition;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Standalone mode as a user runs it: real worker processes started by bin/connect-standalone.sh,
 * a real broker, real files, REST over HTTP and POSIX signals.
 */
@ExtendWith(KafkaBrokerExtension.class)
class StandaloneEndToEndIT {

    private static final Duration STARTUP = Duration.ofSeconds(90);
    private static final Duration DATA = Duration.ofSeconds(120);

    @TempDir
    Path dir;

    private KafkaBroker broker;
    private String topic;
    /** Per test, because a sink's consumer group is connect-<name> and must not be shared between tests. */
    private String sourceName;
    private String sinkName;

    @BeforeEach
    void setUp(KafkaBroker broker) {
        this.broker = broker;
        String id = UUID.randomUUID().toString().substring(0, 8);
        this.topic = "e2e-" + id;
        this.sourceName = "file-source-" + id;
        this.sinkName = "file-sink-" + id;
        broker.createTopic(topic, 3);
    }

    @Test
    void fileSourceToFileSinkKeepsEveryLineInOrderAcrossAGracefulRestart() throws IOException {
        Path input = dir.resolve("input.txt");
        Path output = dir.resolve("output.txt");
        writeLines(input, 1, 20_000);
        // One partition keeps global order, which is what "in order" means for a single file.
        String ordered = topic + "-ordered";
        broker.createTopic(ordered, 1);

        try (WorkerProcess worker = startPipeline(input, output, ordered)) {
            awaitLines(output, 20_000);
            assertThat(Files.readString(output)).isEqualTo(Files.readString(input));

            worker.terminate();
            int exit = worker.awaitExit(Duration.ofSeconds(30));
            assertThat(exit).as("exit status after SIGTERM").isIn(0, 143);
            assertThat(worker.output()).contains("Tributary standalone worker stopped");
        }

        writeLines(input, 20_001, 500);
        try (WorkerProcess restarted = startPipeline(input, output, ordered)) {
            awaitLines(output, 20_500);
            assertThat(Files.readString(output))
                    .as("no line lost and none written twice across the restart")
                    .isEqualTo(Files.readString(input));
        }
    }

    @Test
    void taskFailingInPollIsFailedWithItsTraceWhileAnotherConnectorRunsAndRestartRecoversIt() throws IOException {
        assertFailureIsIsolatedAndRecoverable("poll");
    }

    @Test
    void taskFailingInStartIsFailedWithItsTraceWhileAnotherConnectorRunsAndRestartRecoversIt() throws IOException {
        assertFailureIsIsolatedAndRecoverable("start");
    }

    @Test
    void apachesOwnFileConnectorJarAloneOnPluginPathRunsThePipeline() throws IOException {
        Path pluginDir = dir.resolve("plugins").resolve("apache-connect-file");
        Files.createDirectories(pluginDir);
        Files.copy(Path.of(System.getProperty("reference.dir"), "connect-file.jar"), pluginDir.resolve("connect-file-4.1.1.jar"));
        Path libWithoutOurFileConnectors = classPathWithout("connect-file-");
        Path input = dir.resolve("input.txt");
        Path output = dir.resolve("output.txt");
        writeLines(input, 1, 2_000);

        Map<String, String> worker = workerProps();
        worker.put("plugin.path", pluginDir.getParent().toString());
        try (WorkerProcess process = WorkerProcess.startStandalone(dir, worker,
                List.of(fileSource(input, topic), fileSink(output, topic)),
                Map.of("TRIBUTARY_LIB_DIR", libWithoutOurFileConnectors.toString(),
                        "TRIBUTARY_RUNTIME_JAR_DIR", Path.of(System.getProperty("tributary.lib.dir")).getParent().toString()))) {
            process.awaitReady(STARTUP);
            awaitLines(output, 2_000);
            assertThat(sorted(output)).isEqualTo(sorted(input));
            JsonNode plugins = new RestClient(process.restUrl()).get("/connector-plugins").json();
            assertThat(plugins.findValuesAsText("class")).contains("org.apache.kafka.connect.file.FileStreamSourceConnector");
        }
    }

    @Test
    void connectorFileWithoutConnectorClassStopsStartupNamingTheFileAndTheKey() throws IOException {
        Path file = WorkerProcess.write(dir.resolve("typeless.properties"), Map.of("name", "typeless", "topic", topic));
        assertConnectorFileRefused(file, "connector.class");
    }

    @Test
    void connectorFileWithUnknownClassStopsStartupNamingTheFileAndTheKey() throws IOException {
        Path file = WorkerProcess.write(dir.resolve("unknown.properties"),
                Map.of("name", "unknown", "connector.class", "com.example.NoSuchConnector", "topic", topic));
        assertConnectorFileRefused(file, "connector.class", "com.example.NoSuchConnector");
    }

    @Test
    void connectorFileWithInvalidValueStopsStartupNamingTheFileAndTheKey() throws IOException {
        Map<String, String> config = new LinkedHashMap<>(fileSource(dir.resolve("in.txt"), topic));
        config.put("tasks.max", "many");
        Path file = WorkerProcess.write(dir.resolve("invalid.properties"), config);
        assertConnectorFileRefused(file, "tasks.max", "many");
    }

    @Test
    void invalidWorkerSettingStopsStartupNamingTheKeyAndTheValue() {
        Map<String, String> worker = workerProps();
        worker.put("offset.flush.interval.ms", "soon");
        try (WorkerProcess process = WorkerProcess.startStandalone(dir, worker, List.of())) {
            assertThat(process.awaitExit(STARTUP)).isEqualTo(2);
            assertThat(process.output()).contains("offset.flush.interval.ms").contains("soon")
                    .doesNotContain("\tat io.tributary");
        }
    }

    @Test
    void badRestRequestsGetA4xxWithAClearMessage() {
        try (WorkerProcess process = WorkerProcess.startStandalone(dir, workerProps(), List.of())) {
            process.awaitReady(STARTUP);
            RestClient rest = new RestClient(process.restUrl());

            RestClient.Response malformed = rest.post("/connectors", "{\"name\": \"x\", \"config\": {");
            RestClient.Response unknownClass = rest.post("/connectors",
                    "{\"name\": \"x\", \"config\": {\"connector.class\": \"Nope\", \"topic\": \"t\"}}");
            RestClient.Response missing = rest.get("/connectors/absent/status");

            assertThat(malformed.status()).isEqualTo(400);
            assertThat(malformed.json().get("message").asText()).contains("line 1");
            assertThat(unknownClass.status()).isEqualTo(400);
            assertThat(unknownClass.json().get("message").asText()).contains("Nope");
            assertThat(missing.status()).isEqualTo(404);
            assertThat(missing.json().get("error_code").asInt()).isEqualTo(404);
        }
    }

    private void assertFailureIsIsolatedAndRecoverable(String failIn) throws IOException {
        Path pluginDir = dir.resolve("plugins");
        PluginJars.write(pluginDir.resolve("scripted").resolve("scripted-connector.jar"),
                Map.of(SourceConnector.class, ScriptedSourceConnector.class),
                ScriptedSourceConnector.class, io.tributary.connect.e2e.plugins.ScriptedSourceTask.class);
        Path marker = Files.writeString(dir.resolve("fail-now"), "present");
        Path input = dir.resolve("input.txt");
        Path output = dir.resolve("output.txt");
        writeLines(input, 1, 100);
        Map<String, String> scripted = Map.of("name", "scripted", "connector.class", "ScriptedSource",
                "tasks.max", "1", "topic", topic + "-scripted", "fail.marker", marker.toString(), "fail.in", failIn);
        broker.createTopic(topic + "-scripted", 1);
        Map<String, String> worker = workerProps();
        worker.put("plugin.path", pluginDir.toString());

        try (WorkerProcess process = WorkerProcess.startStandalone(dir, worker,
                List.of(scripted, fileSource(input, topic), fileSink(output, topic)))) {
            process.awaitReady(STARTUP);
            RestClient rest = new RestClient(process.restUrl());

            awaitCondition(DATA, "task scripted-0 to be FAILED", () -> "FAILED".equals(taskState(rest, "scripted")));
            JsonNode failed = rest.get("/connectors/scripted/status").json().get("tasks").get(0);
            assertThat(failed.get("trace").asText()).contains("scripted failure in " + failIn + "()")
                    .contains("ConnectException").contains("\tat ");
            awaitLines(output, 100);
            assertThat(taskState(rest, sinkName)).isEqualTo("RUNNING");
            assertThat(taskState(rest, sourceName)).isEqualTo("RUNNING");

            Files.delete(marker);
            assertThat(rest.post("/connectors/scripted/tasks/0/restart", null).status()).isEqualTo(204);
            awaitCondition(DATA, "task scripted-0 to run again", () -> "RUNNING".equals(taskState(rest, "scripted")));
            assertThat(rest.get("/connectors/scripted/status").json().get("tasks").get(0).has("trace")).isFalse();
        }
    }

    private void assertConnectorFileRefused(Path connectorFile, String... expected) {
        Path workerFile = WorkerProcess.write(dir.resolve("worker.properties"), workerProps(WorkerProcess.freePort()));
        try (WorkerProcess process = WorkerProcess.start(dir, "connect-standalone.sh",
                List.of(workerFile.toString(), connectorFile.toString()), java.net.URI.create("http://localhost:1"), Map.of())) {
            assertThat(process.awaitExit(STARTUP)).as("exit code for a bad connector file").isEqualTo(3);
            String out = process.output();
            assertThat(out).contains("Failed to create connector for " + connectorFile);
            for (String text : expected) {
                assertThat(out).contains(text);
            }
        }
    }

    private WorkerProcess startPipeline(Path input, Path output, String topicName) {
        return WorkerProcess.startStandalone(dir, workerProps(),
                List.of(fileSource(input, topicName), fileSink(output, topicName))).awaitReady(STARTUP);
    }

    private Map<String, String> workerProps() {
        return workerProps(0);
    }

    private Map<String, String> workerProps(int port) {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("bootstrap.servers", broker.bootstrapServers());
        props.put("key.converter", "org.apache.kafka.connect.json.JsonConverter");
        props.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        props.put("offset.storage.file.filename", dir.resolve("connect.offsets").toString());
        props.put("offset.flush.interval.ms", "500");
        if (port > 0) {
            props.put("listeners", "http://localhost:" + port);
        }
        return props;
    }

    private Map<String, String> fileSource(Path input, String topic) {
        return Map.of("name", sourceName, "connector.class", "FileStreamSource", "tasks.max", "1",
                "file", input.toString(), "topic", topic);
    }

    private Map<String, String> fileSink(Path output, String topic) {
        return Map.of("name", sinkName, "connector.class", "FileStreamSink", "tasks.max", "1",
                "file", output.toString(), "topics", topic);
    }

    private static String taskState(RestClient rest, String connector) {
        RestClient.Response status = rest.get("/connectors/" + connector + "/status");
        JsonNode tasks = status.status() == 200 ? status.json().get("tasks") : null;
        return tasks == null || tasks.isEmpty() ? null : tasks.get(0).get("state").asText();
    }

    private static void writeLines(Path file, int first, int count) throws IOException {
        String lines = IntStream.range(first, first + count)
                .mapToObj(i -> "line " + i + " of the input, with some text to carry")
                .collect(Collectors.joining("\n", "", "\n"));
        Files.writeString(file, lines, StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    }

    private static void awaitLines(Path file, int lines) {
        awaitCondition(DATA, lines + " lines in " + file, () -> countLines(file) >= lines);
    }

    private static long countLines(Path file) {
        if (!Files.exists(file)) {
            return 0;
        }
        try (Stream<String> stream = Files.lines(file)) {
            return stream.count();
        } catch (IOException | java.io.UncheckedIOException e) {
            return 0;
        }
    }

    private static List<String> sorted(Path file) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        lines.sort(null);
        return lines;
    }

    /** A copy of the worker's lib directory (symbolic links) without the jars whose names start with {@code prefix}. */
    private Path classPathWithout(String prefix) throws IOException {
        Path original = Path.of(System.getProperty("tributary.lib.dir"));
        Path copy = Files.createDirectories(dir.resolve("lib-without-" + prefix));
        try (Stream<Path> jars = Files.list(original)) {
            for (Path jar : (Iterable<Path>) jars::iterator) {
                if (!jar.getFileName().toString().startsWith(prefix)) {
                    Files.createSymbolicLink(copy.resolve(jar.getFileName()), jar);
                }
            }
        }
        return copy;
    }
}
