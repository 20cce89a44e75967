package io.tributary.connect.worker;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.management.MBeanServer;
import javax.management.ObjectName;

import io.tributary.connect.herder.RequestContext;
import io.tributary.connect.testkit.KafkaBroker;
import io.tributary.connect.testkit.KafkaBrokerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import static io.tributary.connect.worker.PipelineWorker.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The task metric groups of a real worker, read as JMX clients read them: from the platform MBean server. */
@ExtendWith(KafkaBrokerExtension.class)
class TaskMetricGroupsTest {

    private static final int GOOD = 25;
    private static final int BAD = 5;

    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();

    @TempDir
    Path dir;

    @Test
    void countsWhatTheTasksMovedAndWhatErrorToleranceSkipped(KafkaBroker kafka) throws Exception {
        String topic = "metrics-" + System.nanoTime();
        kafka.createTopic(topic);
        Path input = lines(GOOD, BAD);
        try (PipelineWorker worker = PipelineWorker.start(kafka, dir)) {
            worker.put("src", source(input, topic));
            worker.put("snk", sink(topic, "all"));

            ObjectName source = name("source-task-metrics", "src");
            ObjectName sink = name("sink-task-metrics", "snk");
            ObjectName sinkErrors = name("task-error-metrics", "snk");
            await().atMost(WAIT).untilAsserted(() -> {
                assertThat(number(source, "source-record-poll-total")).isEqualTo(GOOD + BAD);
                assertThat(number(source, "source-record-write-total")).isEqualTo(GOOD + BAD);
                assertThat(number(sink, "sink-record-read-total")).isEqualTo(GOOD + BAD);
                assertThat(number(sink, "sink-record-send-total")).isEqualTo(GOOD);
                assertThat(number(sinkErrors, "total-records-skipped")).isEqualTo(BAD);
            });
            assertThat(number(sinkErrors, "total-record-errors")).isEqualTo(BAD);
            assertThat(number(sinkErrors, "total-record-failures")).isEqualTo(BAD);
            assertThat(number(sinkErrors, "total-errors-logged")).isEqualTo(BAD);
            assertThat((Long) server.getAttribute(sinkErrors, "last-error-timestamp")).isPositive();
            assertThat(number(name("task-error-metrics", "src"), "total-record-errors")).isZero();
            assertThat(number(sink, "partition-count")).isEqualTo(1);

            ObjectName sourceTask = name("connector-task-metrics", "src");
            assertThat(server.getAttribute(sourceTask, "status")).isEqualTo("running");
            assertThat(number(sourceTask, "running-ratio")).isGreaterThan(0);
            assertThat(number(sourceTask, "batch-size-max")).isPositive();
            assertThat(server.getAttribute(sourceTask, "connector-type")).isEqualTo("source");
            assertThat(server.getAttribute(sourceTask, "task-class"))
                    .isEqualTo("org.apache.kafka.connect.file.FileStreamSourceTask");
            assertThat(server.getAttribute(name("connector-task-metrics", "snk"), "value-converter-class"))
                    .isEqualTo("org.apache.kafka.connect.json.JsonConverter");

            // The task's clients carry Kafka Connect's client ids (producers are shared only when the worker
            // turns tributary.producer.sharing.enable on).
            assertThat(server.isRegistered(new ObjectName(
                    "kafka.producer:type=producer-metrics,client-id=connector-producer-src-0"))).isTrue();
            assertThat(server.isRegistered(new ObjectName(
                    "kafka.consumer:type=consumer-metrics,client-id=connector-consumer-snk-0"))).isTrue();
        }
        assertThat(server.isRegistered(name("source-task-metrics", "src"))).isFalse();
    }

    @Test
    void aFailedTaskKeepsItsMetricsUntilItsConnectorIsDeleted(KafkaBroker kafka) throws Exception {
        String topic = "metrics-failing-" + System.nanoTime();
        kafka.createTopic(topic);
        Path input = lines(1, 1);
        try (PipelineWorker worker = PipelineWorker.start(kafka, dir)) {
            worker.put("src", source(input, topic));
            worker.put("snk", sink(topic, "none"));
            worker.awaitTaskState("snk", "FAILED");

            ObjectName task = name("connector-task-metrics", "snk");
            assertThat(server.getAttribute(task, "status")).isEqualTo("failed");
            assertThat(number(name("task-error-metrics", "snk"), "total-record-errors")).isEqualTo(1);
            assertThat(server.isRegistered(name("sink-task-metrics", "snk"))).isTrue();

            worker.herder.deleteConnectorConfig(RequestContext.CLIENT, "snk").get(60, TimeUnit.SECONDS);
            await().atMost(WAIT).until(() -> !server.isRegistered(task));
            assertThat(server.isRegistered(name("sink-task-metrics", "snk"))).isFalse();
            assertThat(server.isRegistered(name("task-error-metrics", "snk"))).isFalse();
        }
    }

    @Test
    void describesEachTransformationAndPredicateOfATaskUnderItsAlias(KafkaBroker kafka) throws Exception {
        String topic = "metrics-transforms-" + System.nanoTime();
        kafka.createTopic(topic);
        Map<String, String> config = new HashMap<>(source(lines(3, 0), topic));
        config.put("transforms", "stamp,mark");
        config.put("transforms.stamp.type", "org.apache.kafka.connect.transforms.InsertHeader");
        config.put("transforms.stamp.header", "origin");
        config.put("transforms.stamp.value.literal", "file");
        config.put("transforms.stamp.predicate", "live");
        config.put("transforms.stamp.negate", "true");
        config.put("transforms.mark.type", "org.apache.kafka.connect.transforms.InsertHeader");
        config.put("transforms.mark.header", "marked");
        config.put("transforms.mark.value.literal", "yes");
        config.put("transforms.mark.predicate", "live");
        config.put("predicates", "live,unused");
        config.put("predicates.live.type", "org.apache.kafka.connect.transforms.predicates.RecordIsTombstone");
        config.put("predicates.unused.type", "org.apache.kafka.connect.transforms.predicates.RecordIsTombstone");
        ObjectName stamp = new ObjectName(
                "kafka.connect:type=connector-transform-metrics,connector=src,task=0,transform=stamp");
        ObjectName live = new ObjectName(
                "kafka.connect:type=connector-predicate-metrics,connector=src,task=0,predicate=live");
        try (PipelineWorker worker = PipelineWorker.start(kafka, dir)) {
            worker.put("src", config);
            await().atMost(WAIT).until(() -> server.isRegistered(stamp));

            assertThat(server.getAttribute(stamp, "transform-class"))
                    .isEqualTo("org.apache.kafka.connect.transforms.InsertHeader");
            assertThat(server.getAttribute(stamp, "transform-version")).isEqualTo(
                    new org.apache.kafka.connect.transforms.InsertHeader<>().version());
            assertThat(server.isRegistered(new ObjectName(
                    "kafka.connect:type=connector-transform-metrics,connector=src,task=0,transform=mark"))).isTrue();
            assertThat(server.getAttribute(live, "predicate-class"))
                    .isEqualTo("org.apache.kafka.connect.transforms.predicates.RecordIsTombstone");
            assertThat(server.getAttribute(live, "predicate-version")).isNotNull();
            // A predicate no transformation uses is not part of the task's chain.
            assertThat(server.queryNames(new ObjectName(
                    "kafka.connect:type=connector-predicate-metrics,connector=src,*"), null)).containsExactly(live);
        }
        assertThat(server.isRegistered(stamp)).isFalse();
        assertThat(server.isRegistered(live)).isFalse();
    }

    /** Numbers the sink's JSON converter reads, then words it cannot parse. */
    private Path lines(int good, int bad) throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= good; i++) {
            lines.add(String.valueOf(i));
        }
        for (int i = 1; i <= bad; i++) {
            lines.add("not-json-" + i);
        }
        Path file = dir.resolve("input.txt");
        Files.write(file, lines);
        return file;
    }

    private static Map<String, String> source(Path input, String topic) {
        return Map.of("connector.class", "org.apache.kafka.connect.file.FileStreamSourceConnector",
                "file", input.toString(), "topic", topic);
    }

    private Map<String, String> sink(String topic, String tolerance) {
        Map<String, String> config = new HashMap<>();
        config.put("connector.class", "org.apache.kafka.connect.file.FileStreamSinkConnector");
        config.put("file", dir.resolve("output.txt").toString());
        config.put("topics", topic);
        config.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        config.put("value.converter.schemas.enable", "false");
        config.put("errors.tolerance", tolerance);
        config.put("errors.log.enable", "true");
        return config;
    }

    private static ObjectName name(String group, String connector) throws Exception {
        return new ObjectName("kafka.connect:type=" + group + ",connector=" + connector + ",task=0");
    }

    private double number(ObjectName name, String attribute) throws Exception {
        return ((Number) server.getAttribute(name, attribute)).doubleValue();
    }
}
