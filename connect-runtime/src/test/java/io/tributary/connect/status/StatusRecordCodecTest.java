package io.tributary.connect.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.connect.model.ConnectorTaskId;
import io.tributary.connect.storage.ApacheTopicDump;
import io.tributary.connect.model.State;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class StatusRecordCodecTest {

    @Test
    void reEncodesEveryApacheStatusToTheSameKeyAndJson() {
        for (ApacheTopicDump.Record record : ApacheTopicDump.read(ApacheTopicDump.STATUS)) {
            StatusRecordCodec.Key key = StatusRecordCodec.parseKey(record.key());
            assertThat(key).as(record.key()).isNotNull();
            if (record.value() == null) {
                continue;
            }
            byte[] ours;
            String ourKey;
            if (key instanceof StatusRecordCodec.ConnectorKey k) {
                ours = StatusRecordCodec.encode(StatusRecordCodec.decodeConnector(k.connector(), record.valueBytes()));
                ourKey = StatusRecordCodec.connectorKey(k.connector());
            } else if (key instanceof StatusRecordCodec.TaskKey k) {
                ours = StatusRecordCodec.encode(StatusRecordCodec.decodeTask(k.id(), record.valueBytes()));
                ourKey = StatusRecordCodec.taskKey(k.id());
            } else {
                StatusRecordCodec.TopicKey k = (StatusRecordCodec.TopicKey) key;
                ours = StatusRecordCodec.encode(StatusRecordCodec.decodeTopic(record.valueBytes()));
                ourKey = StatusRecordCodec.topicKey(k.connector(), k.topic());
            }
            assertThat(ourKey).isEqualTo(record.key());
            assertThat(new String(ours, StandardCharsets.UTF_8)).as(record.key()).isEqualTo(record.value());
        }
    }

    @Test
    void writesNullTraceAndVersionExplicitly() {
        byte[] value = StatusRecordCodec.encode(new TaskStatus(new ConnectorTaskId("c", 0), State.UNASSIGNED, "w:1", 3, null));

        assertThat(new String(value, StandardCharsets.UTF_8)).isEqualTo(
                "{\"state\":\"UNASSIGNED\",\"trace\":null,\"worker_id\":\"w:1\",\"generation\":3,\"version\":null}");
    }

    @Test
    void splitsTopicKeysAtTheConnectorMarker() {
        assertThat(StatusRecordCodec.parseKey("status-topic-my-topic:connector-my-conn"))
                .isEqualTo(new StatusRecordCodec.TopicKey("my-conn", "my-topic"));
    }

    @Test
    void takesTheTaskNumberAfterTheLastDash() {
        assertThat(StatusRecordCodec.parseKey("status-task-a-b-7"))
                .isEqualTo(new StatusRecordCodec.TaskKey(new ConnectorTaskId("a-b", 7)));
    }

    @Test
    void readsStatusesWithoutVersionAsWrittenBeforeItExisted() {
        ConnectorStatus status = StatusRecordCodec.decodeConnector("c",
                "{\"state\":\"RUNNING\",\"trace\":null,\"worker_id\":\"w\",\"generation\":1}".getBytes(StandardCharsets.UTF_8));

        assertThat(status).isEqualTo(new ConnectorStatus("c", State.RUNNING, "w", 1, null));
    }
}
