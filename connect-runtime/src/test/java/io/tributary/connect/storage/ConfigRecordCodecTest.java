package io.tributary.connect.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.connect.model.ConnectorTaskId;
import io.tributary.connect.model.RestartRequest;
import io.tributary.connect.model.TargetState;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.kafka.connect.errors.DataException;
import org.junit.jupiter.api.Test;

class ConfigRecordCodecTest {

    private static List<ApacheTopicDump.Record> apacheRecords() {
        return Stream.concat(ApacheTopicDump.read(ApacheTopicDump.CONFIGS).stream(),
                ApacheTopicDump.read(ApacheTopicDump.CONFIGS_EXACTLY_ONCE).stream()).toList();
    }

    @Test
    void decodesEveryRecordApacheWrote() {
        for (ApacheTopicDump.Record record : apacheRecords()) {
            assertThat(ConfigRecordCodec.decode(record.key(), record.valueBytes()))
                    .as(record.key() + " at " + record.offset()).isNotNull();
        }
    }

    @Test
    void reEncodesEveryApacheRecordToTheSameKeyAndJson() {
        for (ApacheTopicDump.Record record : apacheRecords()) {
            ConfigRecordCodec.Encoded ours = ConfigRecordCodec.encode(ConfigRecordCodec.decode(record.key(), record.valueBytes()));
            assertThat(ours.key()).isEqualTo(record.key());
            assertThat(ApacheTopicDump.json(ours.value())).as(record.key()).isEqualTo(ApacheTopicDump.json(record.value()));
        }
    }

    @Test
    void writesCompactJsonWithApacheFieldOrder() {
        assertThat(text(new ConfigRecord.TargetStateChange("c", TargetState.STOPPED)))
                .isEqualTo("{\"state\":\"PAUSED\",\"state.v2\":\"STOPPED\"}");
        assertThat(text(new ConfigRecord.TaskCommit("c", 2))).isEqualTo("{\"tasks\":2}");
        assertThat(text(new ConfigRecord.Restart(new RestartRequest("c", true, false))))
                .isEqualTo("{\"include-tasks\":false,\"only-failed\":true}");
        assertThat(text(new ConfigRecord.ConnectorConfig("c", Map.of("name", "c"))))
                .isEqualTo("{\"properties\":{\"name\":\"c\"}}");
    }

    @Test
    void readsTargetStateOfWorkersThatOnlyWriteTheFirstVersion() {
        ConfigRecord decoded = ConfigRecordCodec.decode("target-state-c", bytes("{\"state\":\"PAUSED\"}"));

        assertThat(decoded).isEqualTo(new ConfigRecord.TargetStateChange("c", TargetState.PAUSED));
    }

    @Test
    void takesTheTaskNumberAfterTheLastDashOfATaskKey() {
        ConfigRecord decoded = ConfigRecordCodec.decode("task-my-conn-12", bytes("{\"properties\":{}}"));

        assertThat(decoded).isEqualTo(new ConfigRecord.TaskConfig(new ConnectorTaskId("my-conn", 12), Map.of()));
    }

    @Test
    void tellsTaskCountRecordsFromTaskConfigs() {
        assertThat(ConfigRecordCodec.decode("tasks-fencing-task-x", bytes("{\"task-count\":3}")))
                .isEqualTo(new ConfigRecord.TaskCountRecord("task-x", 3));
    }

    @Test
    void ignoresKeysItDoesNotKnow() {
        assertThat(ConfigRecordCodec.decode("something-new", bytes("{}"))).isNull();
    }

    @Test
    void rejectsACommitWithoutTaskCount() {
        assertThatThrownBy(() -> ConfigRecordCodec.decode("commit-c", bytes("{}"))).isInstanceOf(DataException.class);
    }

    private static String text(ConfigRecord record) {
        return new String(ConfigRecordCodec.encode(record).value(), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
