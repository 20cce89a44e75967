package io.tributary.connect.worker;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.management.MBeanServer;
import javax.management.ObjectName;

import io.tributary.connect.testkit.KafkaBroker;
import io.tributary.connect.testkit.KafkaBrokerExtension;
import org.apache.kafka.common.metrics.KafkaMetric;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import static io.tributary.connect.worker.PipelineWorker.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The worker's metrics settings as Kafka Connect reads them: reporters named in {@code metric.reporters}
 * (a class on the class path, as a third party ships one) get every Connect metric with the worker's sample
 * settings and KIP-606 context, and {@code auto.include.jmx.reporter=false} keeps them off JMX.
 */
@ExtendWith(KafkaBrokerExtension.class)
class MetricsSettingsTest {

    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();

    @TempDir
    Path dir;

    @Test
    void aConfiguredReporterGetsTheWorkersMetricsWithItsSampleSettingsAndNothingGoesToJmx(KafkaBroker kafka)
            throws Exception {
        String name = "reporter-" + System.nanoTime();
        String connector = "reported-" + System.nanoTime();
        String topic = "reported-" + System.nanoTime();
        kafka.createTopic(topic);
        Path input = Files.writeString(dir.resolve("input.txt"), "a\nb\nc\n");
        RecordingMetricsReporter reporter;
        try (PipelineWorker worker = PipelineWorker.start(kafka, dir, Map.of(
                "metric.reporters", RecordingMetricsReporter.class.getName(),
                RecordingMetricsReporter.NAME_CONFIG, name,
                "auto.include.jmx.reporter", "false",
                "metrics.num.samples", "5",
                "metrics.sample.window.ms", "7000",
                "metrics.recording.level", "DEBUG",
                "metrics.context.team", "payments"))) {
            reporter = RecordingMetricsReporter.named(name);
            assertThat(reporter).as("the reporter was instantiated and configured").isNotNull();
            assertThat(reporter.configs.get("metrics.context.team")).isEqualTo("payments");
            assertThat(reporter.contexts).anySatisfy(labels -> {
                assertThat(labels).containsEntry("_namespace", "kafka.connect");
                assertThat(labels).containsEntry("team", "payments");
                assertThat(labels).containsKey("connect.kafka.cluster.id");
            });

            worker.put(connector, Map.of("connector.class", "org.apache.kafka.connect.file.FileStreamSourceConnector",
                    "file", input.toString(), "topic", topic));
            Map<String, String> taskTags = Map.of("connector", connector, "task", "0");
            await().atMost(WAIT).untilAsserted(() -> {
                KafkaMetric polled = reporter.find("source-task-metrics", "source-record-poll-total", taskTags);
                assertThat(polled).isNotNull();
                assertThat(((Number) polled.metricValue()).doubleValue()).isEqualTo(3.0);
            });
            KafkaMetric status = reporter.find("connector-metrics", "status", Map.of("connector", connector));
            assertThat(status.metricValue()).isEqualTo("running");
            KafkaMetric tasks = reporter.find("connect-worker-metrics", "task-count", Map.of());
            assertThat(((Number) tasks.metricValue()).doubleValue()).isEqualTo(1.0);
            assertThat(status.config().samples()).isEqualTo(5);
            assertThat(status.config().timeWindowMs()).isEqualTo(7000);
            assertThat(status.config().recordLevel().name()).isEqualTo("DEBUG");

            assertThat(server.isRegistered(new ObjectName("kafka.connect:type=connector-metrics,connector="
                    + connector))).as("no JMX reporter was asked for").isFalse();
            assertThat(server.isRegistered(new ObjectName("kafka.connect:type=source-task-metrics,connector="
                    + connector + ",task=0"))).isFalse();

            worker.herder.deleteConnectorConfig(io.tributary.connect.herder.RequestContext.CLIENT, connector)
                    .get(60, TimeUnit.SECONDS);
            await().atMost(WAIT).until(() ->
                    reporter.find("source-task-metrics", "source-record-poll-total", taskTags) == null);
        }
        assertThat(reporter.closed).as("the reporter is closed with the worker").isTrue();
    }
}
