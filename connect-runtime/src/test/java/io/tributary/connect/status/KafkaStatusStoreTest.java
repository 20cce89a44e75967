package io.tributary.connect.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.connect.model.ConnectorTaskId;
import io.tributary.connect.storage.ApacheTopicDump;
import io.tributary.connect.storage.KafkaLog;
import io.tributary.connect.storage.KafkaLogSettings;
import io.tributary.connect.testkit.KafkaBroker;
import io.tributary.connect.testkit.KafkaBrokerExtension;
import io.tributary.connect.model.State;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.common.utils.Time;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(KafkaBrokerExtension.class)
class KafkaStatusStoreTest {

    private static final ConnectorTaskId TASK = new ConnectorTaskId("conn", 0);
    private final List<KafkaStatusStore> started = new ArrayList<>();

    @AfterEach
    void stopAll() {
        started.forEach(KafkaStatusStore::stop);
    }

    private static KafkaLogSettings settings(KafkaBroker kafka, String topic) {
        return new KafkaLogSettings(topic, "status.storage.topic", 5, (short) 1,
                Map.of("bootstrap.servers", kafka.bootstrapServers()), Duration.ofSeconds(30));
    }

    private static String uniqueTopic() {
        return "status-" + UUID.randomUUID();
    }

    private KafkaStatusStore start(KafkaBroker kafka, String topic) {
        KafkaStatusStore store = new KafkaStatusStore(settings(kafka, topic), Time.SYSTEM);
        store.start();
        started.add(store);
        return store;
    }

    private static void sync(KafkaStatusStore writer, KafkaStatusStore reader) {
        writer.flush();
        reader.refresh();
    }

    @Test
    void anotherWorkerSeesConnectorTaskAndTopicStatuses(KafkaBroker kafka) {
        String topic = uniqueTopic();
        KafkaStatusStore writer = start(kafka, topic);
        KafkaStatusStore reader = start(kafka, topic);

        writer.put(new ConnectorStatus("conn", State.RUNNING, "w1:8083", 3, "1.0"));
        writer.put(new TaskStatus(TASK, State.FAILED, "boom", "w1:8083", 3, "1.0"));
        writer.put(new TopicStatus("t", "conn", 0, 1234L));
        sync(writer, reader);

        assertThat(reader.get("conn")).isEqualTo(new ConnectorStatus("conn", State.RUNNING, "w1:8083", 3, "1.0"));
        assertThat(reader.get(TASK)).isEqualTo(new TaskStatus(TASK, State.FAILED, "boom", "w1:8083", 3, "1.0"));
        assertThat(reader.getAllTopics("conn")).containsExactly(new TopicStatus("t", "conn", 0, 1234L));
    }

    @Test
    void writerReadsItsOwnStatusAtOnce(KafkaBroker kafka) {
        KafkaStatusStore store = start(kafka, uniqueTopic());

        store.put(new ConnectorStatus("conn", State.PAUSED, "w1:8083", 1, "1.0"));

        assertThat(store.get("conn").state()).isEqualTo(State.PAUSED);
    }

    @Test
    void safeWriteFromAnOlderGenerationLeavesTheNewerStatus(KafkaBroker kafka) {
        String topic = uniqueTopic();
        KafkaStatusStore newer = start(kafka, topic);
        KafkaStatusStore older = start(kafka, topic);
        newer.put(new TaskStatus(TASK, State.RUNNING, "w2:8083", 7, "1.0"));
        sync(newer, older);

        older.putSafe(new TaskStatus(TASK, State.UNASSIGNED, "w1:8083", 6, null));
        sync(older, newer);

        assertThat(newer.get(TASK).workerId()).isEqualTo("w2:8083");
        assertThat(older.get(TASK).generation()).isEqualTo(7);
    }

    @Test
    void safeWriteFromTheSameOrNewerGenerationReplacesTheStatus(KafkaBroker kafka) {
        KafkaStatusStore store = start(kafka, uniqueTopic());
        store.put(new ConnectorStatus("conn", State.RUNNING, "w1:8083", 4, "1.0"));

        store.putSafe(new ConnectorStatus("conn", State.UNASSIGNED, "w1:8083", 4, null));
        store.putSafe(new ConnectorStatus("conn", State.RUNNING, "w2:8083", 5, "1.0"));

        assertThat(store.get("conn")).isEqualTo(new ConnectorStatus("conn", State.RUNNING, "w2:8083", 5, "1.0"));
    }

    @Test
    void removingAConnectorTombstonesItsStatusesForEveryWorker(KafkaBroker kafka) {
        String topic = uniqueTopic();
        KafkaStatusStore writer = start(kafka, topic);
        writer.put(new ConnectorStatus("conn", State.RUNNING, "w1:8083", 1, "1.0"));
        writer.put(new TaskStatus(TASK, State.RUNNING, "w1:8083", 1, "1.0"));
        writer.put(new TopicStatus("t", "conn", 0, 1L));

        writer.remove("conn");
        writer.flush();
        KafkaStatusStore later = start(kafka, topic);

        assertThat(later.connectors()).isEmpty();
        assertThat(later.getAll("conn")).isEmpty();
        assertThat(later.getAllTopics("conn")).isEmpty();
    }

    @Test
    void destroyedTaskStatusIsATombstone(KafkaBroker kafka) {
        String topic = uniqueTopic();
        KafkaStatusStore writer = start(kafka, topic);
        KafkaStatusStore reader = start(kafka, topic);
        writer.put(new TaskStatus(TASK, State.RUNNING, "w1:8083", 1, "1.0"));

        writer.put(new TaskStatus(TASK, State.DESTROYED, "w1:8083", 1, null));
        sync(writer, reader);

        assertThat(reader.get(TASK)).isNull();
    }

    @Test
    void restartedStoreReadsBackEveryStatus(KafkaBroker kafka) {
        String topic = uniqueTopic();
        KafkaStatusStore first = start(kafka, topic);
        for (int i = 0; i < 10; i++) {
            first.put(new TaskStatus(new ConnectorTaskId("conn", i), State.RUNNING, "w1:8083", 2, "1.0"));
        }
        first.put(new ConnectorStatus("conn", State.RUNNING, "w1:8083", 2, "1.0"));
        first.flush();

        KafkaStatusStore second = start(kafka, topic);

        assertThat(second.getAll("conn")).hasSize(10);
        assertThat(second.get("conn")).isEqualTo(first.get("conn"));
    }

    @Test
    void readsTheStatusTopicApacheWrote(KafkaBroker kafka) {
        String topic = uniqueTopic();
        kafka.createTopic(topic, 5, Map.of("cleanup.policy", "compact"));
        ApacheTopicDump.produce(kafka.producerProperties(), topic, ApacheTopicDump.read(ApacheTopicDump.STATUS), r -> true);

        KafkaStatusStore store = start(kafka, topic);

        assertThat(store.connectors()).containsExactly("src-stopped");
        assertThat(store.get("src-stopped"))
                .isEqualTo(new ConnectorStatus("src-stopped", State.STOPPED, "localhost:38083", 22, "4.1.1"));
        assertThat(store.getAll("src-a")).isEmpty();
        assertThat(store.getAllTopics("src-a")).isEmpty();
    }

    @Test
    void readsApacheStatusesOfEveryKindBeforeTheirTombstones(KafkaBroker kafka) {
        String topic = uniqueTopic();
        kafka.createTopic(topic, 5, Map.of("cleanup.policy", "compact"));
        ApacheTopicDump.produce(kafka.producerProperties(), topic, ApacheTopicDump.read(ApacheTopicDump.STATUS),
                r -> r.value() != null);

        KafkaStatusStore store = start(kafka, topic);

        assertThat(store.get(new ConnectorTaskId("sink-fail", 0)).trace())
                .startsWith("org.apache.kafka.connect.errors.ConnectException: Couldn't find or create file");
        assertThat(store.getTopic("src-a", "obs-ks-data"))
                .isEqualTo(new TopicStatus("obs-ks-data", "src-a", 0, 1795240543591L));
        assertThat(store.get("src-paused").state()).isEqualTo(State.UNASSIGNED);
    }

    @Test
    void writesEachKeyToThePartitionApacheChose(KafkaBroker kafka) throws Exception {
        KafkaLog log = new KafkaLog(settings(kafka, uniqueTopic()), record -> { }, Time.SYSTEM);
        log.start();
        try {
            for (ApacheTopicDump.Record record : ApacheTopicDump.read(ApacheTopicDump.STATUS)) {
                int partition = log.send(record.keyBytes(), record.valueBytes()).get(30, TimeUnit.SECONDS).partition();
                assertThat(partition).as(record.key()).isEqualTo(record.partition());
            }
        } finally {
            log.stop();
        }
    }
}
