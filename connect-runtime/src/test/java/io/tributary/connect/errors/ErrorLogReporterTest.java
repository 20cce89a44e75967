package io.tributary.connect.errors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;

import io.tributary.connect.model.ConnectorTaskId;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

/** The log lines match the reference runtime's, observed with errors.log.enable on a poisoned topic. */
class ErrorLogReporterTest {

    private static final ConnectorTaskId TASK = new ConnectorTaskId("dlq-all", 0);
    private static final ConsumerRecord<byte[], byte[]> CONSUMED = new ConsumerRecord<>("pref-in", 0, 1L,
            1_700_000_000_002L, TimestampType.CREATE_TIME, 2, 8, new byte[0], new byte[0], new RecordHeaders(),
            Optional.empty());

    @Test
    void withoutRecordDetailsTheLineNamesTaskStageAndClass() {
        assertThat(new ErrorLogReporter(false).message(sinkFailure()))
                .isEqualTo("Error encountered in task dlq-all-0. Executing stage 'VALUE_CONVERTER' with class "
                        + "'org.apache.kafka.connect.json.JsonConverter'.");
    }

    @Test
    void withRecordDetailsASinkLineNamesTheConsumedRecordsPosition() {
        assertThat(new ErrorLogReporter(true).message(sinkFailure()))
                .isEqualTo("Error encountered in task dlq-all-0. Executing stage 'VALUE_CONVERTER' with class "
                        + "'org.apache.kafka.connect.json.JsonConverter', where consumed record is {topic='pref-in', "
                        + "partition=0, offset=1, timestamp=1700000000002, timestampType=CreateTime}.");
    }

    @Test
    void withRecordDetailsASourceLineShowsTheSourceRecord() {
        SourceRecord polled = new SourceRecord(Map.of("filename", "/tmp/src.txt"), Map.of("position", 6L),
                "pref-srcerr", null, null, null, Schema.STRING_SCHEMA, "line1", 1_795_242_009_651L);
        ProcessingFailure failure = new ProcessingFailure(TASK, ProcessingContext.polled(polled),
                Stage.TRANSFORMATION, String.class, new DataException("x"));

        assertThat(new ErrorLogReporter(true).message(failure))
                .isEqualTo("Error encountered in task dlq-all-0. Executing stage 'TRANSFORMATION' with class "
                        + "'java.lang.String', where source record is = " + polled + ".");
    }

    private static ProcessingFailure sinkFailure() {
        return new ProcessingFailure(TASK, ProcessingContext.consumed(CONSUMED), Stage.VALUE_CONVERTER,
                JsonConverter.class, new DataException("x"));
    }
}
