package io.tributary.connect.errors;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import io.tributary.connect.model.ConnectorTaskId;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

class DeadLetterQueueReporterTest {

    private static final ConnectorTaskId TASK = new ConnectorTaskId("dlq-all", 0);
    private final MockProducer<byte[], byte[]> producer =
            new MockProducer<>(false, null, new ByteArraySerializer(), new ByteArraySerializer());

    @Test
    void theDeadLetterCarriesTheOriginalKeyValueTimestampAndHeaders() {
        new DeadLetterQueueReporter("errors", false, producer).report(failure(consumed()));

        ProducerRecord<byte[], byte[]> sent = producer.history().get(0);
        assertThat(sent.topic()).isEqualTo("errors");
        assertThat(sent.partition()).isNull();
        assertThat(sent.timestamp()).isEqualTo(1_700_000_000_002L);
        assertThat(sent.key()).asString(StandardCharsets.UTF_8).isEqualTo("k2");
        assertThat(sent.value()).asString(StandardCharsets.UTF_8).isEqualTo("not json");
        assertThat(headers(sent)).containsExactly(Map.entry("h1", "v1"));
    }

    @Test
    void contextHeadersFollowTheRecordsOwnWithKafkaConnectsNamesAndTextEncoding() {
        new DeadLetterQueueReporter("errors", true, producer).report(failure(consumed()));

        Map<String, String> headers = headers(producer.history().get(0));
        assertThat(headers.keySet()).containsExactly("h1", "__connect.errors.topic", "__connect.errors.partition",
                "__connect.errors.offset", "__connect.errors.connector.name", "__connect.errors.task.id",
                "__connect.errors.stage", "__connect.errors.class.name", "__connect.errors.exception.class.name",
                "__connect.errors.exception.message", "__connect.errors.exception.stacktrace");
        assertThat(headers).containsEntry("__connect.errors.topic", "pref-in")
                .containsEntry("__connect.errors.partition", "0")
                .containsEntry("__connect.errors.offset", "1")
                .containsEntry("__connect.errors.connector.name", "dlq-all")
                .containsEntry("__connect.errors.task.id", "0")
                .containsEntry("__connect.errors.stage", "VALUE_CONVERTER")
                .containsEntry("__connect.errors.class.name", "org.apache.kafka.connect.json.JsonConverter")
                .containsEntry("__connect.errors.exception.class.name", "org.apache.kafka.connect.errors.DataException")
                .containsEntry("__connect.errors.exception.message", "Converting byte[] failed");
        assertThat(headers.get("__connect.errors.exception.stacktrace"))
                .startsWith("org.apache.kafka.connect.errors.DataException: Converting byte[] failed\n\tat ")
                .endsWith("\n");
    }

    @Test
    void theReportCompletesOnlyWhenTheBrokerAcknowledgedTheDeadLetter() {
        CompletableFuture<Void> report = new DeadLetterQueueReporter("errors", true, producer)
                .report(failure(consumed()));
        assertThat(report).isNotDone();

        producer.completeNext();
        assertThat(report).isCompleted();
    }

    @Test
    void aFailedDeadLetterWriteFailsTheReport() {
        CompletableFuture<Void> report = new DeadLetterQueueReporter("errors", true, producer)
                .report(failure(consumed()));

        producer.errorNext(new IllegalStateException("broker gone"));
        assertThat(report).isCompletedExceptionally();
    }

    @Test
    void sourceRecordsHaveNoBytesToSendAndAreLeftToTheLog() {
        SourceRecord polled = new SourceRecord(Map.of(), Map.of(), "t", null, "v");
        CompletableFuture<Void> report = new DeadLetterQueueReporter("errors", true, producer)
                .report(new ProcessingFailure(TASK, ProcessingContext.polled(polled), Stage.TRANSFORMATION,
                        String.class, new DataException("x")));

        assertThat(report).isCompleted();
        assertThat(producer.history()).isEmpty();
    }

    private static ConsumerRecord<byte[], byte[]> consumed() {
        RecordHeaders headers = new RecordHeaders();
        headers.add("h1", "v1".getBytes(StandardCharsets.UTF_8));
        return new ConsumerRecord<>("pref-in", 0, 1L, 1_700_000_000_002L, TimestampType.CREATE_TIME, 2, 8,
                "k2".getBytes(StandardCharsets.UTF_8), "not json".getBytes(StandardCharsets.UTF_8), headers,
                Optional.empty());
    }

    private static ProcessingFailure failure(ConsumerRecord<byte[], byte[]> record) {
        return new ProcessingFailure(TASK, ProcessingContext.consumed(record), Stage.VALUE_CONVERTER,
                JsonConverter.class, new DataException("Converting byte[] failed"));
    }

    private static Map<String, String> headers(ProducerRecord<byte[], byte[]> record) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
        }
        return headers;
    }
}
