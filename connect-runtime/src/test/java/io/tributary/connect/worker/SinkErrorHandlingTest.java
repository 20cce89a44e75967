package io.tributary.connect.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.tributary.connect.model.ConnectorStateInfo;
import io.tributary.connect.testkit.KafkaBroker;
import io.tributary.connect.testkit.KafkaBrokerExtension;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Poison records on a real broker through the standalone herder: tolerated into the DLQ, or failing the task. */
@ExtendWith(KafkaBrokerExtension.class)
class SinkErrorHandlingTest {

    @TempDir
    Path dir;

    @Test
    void poisonRecordsLandInTheDeadLetterQueueWithContextHeadersWhileGoodRecordsFlow(KafkaBroker kafka)
            throws Exception {
        kafka.createTopic("eh-poison-all");
        Records.produce(kafka, "eh-poison-all", "{\"a\":1}", "not json", "{\"a\":2}", "{oops", "{\"a\":3}");
        Map<String, String> config = jsonSink("eh-poison-all", "poison-all");
        config.put("errors.tolerance", "all");
        config.put("errors.log.enable", "true");
        config.put("errors.deadletterqueue.topic.name", "eh-poison-all-dlq");
        config.put("errors.deadletterqueue.topic.replication.factor", "1");
        config.put("errors.deadletterqueue.context.headers.enable", "true");

        try (PipelineWorker worker = PipelineWorker.start(kafka, dir)) {
            worker.put("poison-all", config);

            List<ConsumerRecord<byte[], byte[]>> dead = Records.consume(kafka, "eh-poison-all-dlq", 2);
            assertThat(dead).extracting(record -> Records.text(record.value())).containsExactly("not json", "{oops");
            assertThat(dead).extracting(record -> Records.text(record.key())).containsExactly("k1", "k3");
            Map<String, String> headers = Records.headers(dead.get(0));
            assertThat(headers).containsEntry("h1", "v1")
                    .containsEntry("__connect.errors.topic", "eh-poison-all")
                    .containsEntry("__connect.errors.partition", "0")
                    .containsEntry("__connect.errors.offset", "1")
                    .containsEntry("__connect.errors.connector.name", "poison-all")
                    .containsEntry("__connect.errors.task.id", "0")
                    .containsEntry("__connect.errors.stage", "VALUE_CONVERTER")
                    .containsEntry("__connect.errors.class.name", "org.apache.kafka.connect.json.JsonConverter")
                    .containsEntry("__connect.errors.exception.class.name",
                            "org.apache.kafka.connect.errors.DataException");
            assertThat(headers.get("__connect.errors.exception.stacktrace")).contains("DataException");

            awaitCollected("poison-all", 3);
            assertThat(CollectingSinkConnector.collected("poison-all")).extracting(SinkRecord::kafkaOffset)
                    .containsExactly(0L, 2L, 4L);
            assertThat(worker.awaitTaskState("poison-all", "RUNNING").trace()).isNull();
            awaitCommittedOffset(kafka, "connect-poison-all", new TopicPartition("eh-poison-all", 0), 5);
        }
    }

    @Test
    void withoutToleranceAPoisonRecordFailsTheTaskWithATraceNamingStageTaskAndRecord(KafkaBroker kafka)
            throws Exception {
        kafka.createTopic("eh-poison-none");
        Records.produce(kafka, "eh-poison-none", "{\"a\":1}", "not json");

        try (PipelineWorker worker = PipelineWorker.start(kafka, dir)) {
            worker.put("poison-none", jsonSink("eh-poison-none", "poison-none"));

            ConnectorStateInfo.TaskState failed = worker.awaitTaskState("poison-none", "FAILED");
            assertThat(failed.trace()).startsWith("org.apache.kafka.connect.errors.ConnectException: Tolerance "
                            + "exceeded in error handler: stage VALUE_CONVERTER "
                            + "(org.apache.kafka.connect.json.JsonConverter) of task poison-none-0 failed on the record "
                            + "at topic 'eh-poison-none', partition 0, offset 1")
                    .contains("Caused by: org.apache.kafka.connect.errors.DataException");
        }
    }

    @Test
    void recordsTheTaskReportsAsErrantReachTheDeadLetterQueueBeforeTheirOffsetsAreCommitted(KafkaBroker kafka)
            throws Exception {
        kafka.createTopic("eh-errant");
        Records.produce(kafka, "eh-errant", "fine 0", "bad 1", "fine 2");
        Map<String, String> config = collectingSink("eh-errant", "errant-dlq");
        config.put("errors.tolerance", "all");
        config.put("errors.deadletterqueue.topic.name", "eh-errant-dlq");
        config.put("errors.deadletterqueue.topic.replication.factor", "1");
        config.put("errors.deadletterqueue.context.headers.enable", "true");

        try (PipelineWorker worker = PipelineWorker.start(kafka, dir)) {
            worker.put("errant-dlq", config);

            List<ConsumerRecord<byte[], byte[]>> dead = Records.consume(kafka, "eh-errant-dlq", 1);
            assertThat(dead).singleElement().satisfies(record -> {
                assertThat(Records.text(record.value())).isEqualTo("bad 1");
                assertThat(Records.headers(record)).containsEntry("__connect.errors.stage", "TASK_PUT")
                        .containsEntry("__connect.errors.class.name", "org.apache.kafka.connect.sink.SinkTask")
                        .containsEntry("__connect.errors.exception.message", "bad record 1")
                        .containsEntry("__connect.errors.offset", "1");
            });
            await().atMost(PipelineWorker.WAIT).until(() -> CollectingSinkConnector.reports("errant-dlq")
                    .contains("acked"));
            awaitCommittedOffset(kafka, "connect-errant-dlq", new TopicPartition("eh-errant", 0), 3);
        }
    }

    @Test
    void anErrantRecordWithoutToleranceFailsTheTaskAfterLoggingIt(KafkaBroker kafka) throws Exception {
        kafka.createTopic("eh-errant-none");
        Records.produce(kafka, "eh-errant-none", "bad 0");
        Map<String, String> config = collectingSink("eh-errant-none", "errant-none");
        config.put("errors.log.enable", "true");

        try (PipelineWorker worker = PipelineWorker.start(kafka, dir)) {
            worker.put("errant-none", config);

            assertThat(worker.awaitTaskState("errant-none", "FAILED").trace())
                    .contains("Tolerance exceeded in error handler: stage TASK_PUT");
        }
    }

    @Test
    void withoutDeadLetterQueueOrErrorLogTasksGetNoErrantRecordReporter(KafkaBroker kafka) throws Exception {
        kafka.createTopic("eh-no-reporter");
        Records.produce(kafka, "eh-no-reporter", "bad 0");

        try (PipelineWorker worker = PipelineWorker.start(kafka, dir)) {
            worker.put("no-reporter", collectingSink("eh-no-reporter", "no-reporter"));

            await().atMost(PipelineWorker.WAIT).until(() -> CollectingSinkConnector.reports("no-reporter")
                    .contains("no reporter"));
        }
    }

    private static Map<String, String> jsonSink(String topic, String collector) {
        Map<String, String> config = collectingSink(topic, collector);
        config.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        config.put("value.converter.schemas.enable", "false");
        return config;
    }

    private static Map<String, String> collectingSink(String topic, String collector) {
        Map<String, String> config = new HashMap<>();
        config.put("connector.class", CollectingSinkConnector.class.getName());
        config.put("topics", topic);
        config.put("collector", collector);
        return config;
    }

    private static void awaitCollected(String collector, int count) {
        await().atMost(PipelineWorker.WAIT).until(() -> CollectingSinkConnector.collected(collector).size() >= count);
    }

    static void awaitCommittedOffset(KafkaBroker kafka, String group, TopicPartition partition, long offset) {
        try (Admin admin = kafka.admin()) {
            await().atMost(PipelineWorker.WAIT).until(() -> {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get();
                OffsetAndMetadata current = committed.get(partition);
                return current != null && current.offset() == offset;
            });
        }
    }
}
