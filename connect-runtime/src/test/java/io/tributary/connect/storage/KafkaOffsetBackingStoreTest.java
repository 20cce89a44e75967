package io.tributary.connect.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.connect.testkit.KafkaBroker;
import io.tributary.connect.testkit.KafkaBrokerExtension;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.common.utils.Time;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(KafkaBrokerExtension.class)
class KafkaOffsetBackingStoreTest {

    private final OffsetCodec codec = new OffsetCodec();
    private final List<KafkaOffsetBackingStore> started = new ArrayList<>();

    @AfterEach
    void stopAll() {
        started.forEach(KafkaOffsetBackingStore::stop);
    }

    private KafkaOffsetBackingStore start(KafkaBroker kafka, String topic) {
        KafkaOffsetBackingStore store = new KafkaOffsetBackingStore(KafkaLogTest.settings(kafka, topic, 25), Time.SYSTEM);
        store.start();
        started.add(store);
        return store;
    }

    @Test
    void anotherInstanceSeesAWriteOnItsNextRead(KafkaBroker kafka) throws Exception {
        String topic = KafkaLogTest.uniqueTopic("offsets-shared");
        KafkaOffsetBackingStore writer = start(kafka, topic);
        KafkaOffsetBackingStore reader = start(kafka, topic);
        ByteBuffer key = codec.key("conn", Map.of("file", "a"));

        writer.set(Map.of(key, codec.value(Map.of("position", 42)))).get(30, TimeUnit.SECONDS);

        Map<ByteBuffer, ByteBuffer> found = reader.get(List.of(key)).get(30, TimeUnit.SECONDS);
        assertThat(codec.offset(found.get(key))).containsEntry("position", 42L);
    }

    @Test
    void restartedStoreReadsBackEveryOffset(KafkaBroker kafka) throws Exception {
        String topic = KafkaLogTest.uniqueTopic("offsets-restart");
        KafkaOffsetBackingStore first = start(kafka, topic);
        Map<ByteBuffer, ByteBuffer> offsets = new HashMap<>();
        for (int i = 0; i < 20; i++) {
            offsets.put(codec.key("conn", Map.of("partition", i)), codec.value(Map.of("offset", i * 10)));
        }
        first.set(offsets).get(30, TimeUnit.SECONDS);
        first.stop();
        started.remove(first);

        KafkaOffsetBackingStore second = start(kafka, topic);

        assertThat(second.all().get(30, TimeUnit.SECONDS)).isEqualTo(offsets);
    }

    @Test
    void nullValueRemovesTheOffset(KafkaBroker kafka) throws Exception {
        KafkaOffsetBackingStore store = start(kafka, KafkaLogTest.uniqueTopic("offsets-remove"));
        ByteBuffer key = codec.key("conn", Map.of("file", "a"));
        store.set(Map.of(key, codec.value(Map.of("position", 1)))).get(30, TimeUnit.SECONDS);

        Map<ByteBuffer, ByteBuffer> removal = new HashMap<>();
        removal.put(key, null);
        store.set(removal).get(30, TimeUnit.SECONDS);

        assertThat(store.get(List.of(key)).get(30, TimeUnit.SECONDS)).isEmpty();
    }

    @Test
    void readsTheOffsetsApacheWroteIncludingItsTombstone(KafkaBroker kafka) throws Exception {
        String topic = KafkaLogTest.uniqueTopic("offsets-apache");
        kafka.createTopic(topic, 25, Map.of("cleanup.policy", "compact"));
        List<ApacheTopicDump.Record> records = ApacheTopicDump.read(ApacheTopicDump.OFFSETS);
        ApacheTopicDump.produce(kafka.producerProperties(), topic, ApacheTopicDump.upTo(records, 2), r -> true);
        KafkaOffsetBackingStore store = start(kafka, topic);
        assertThat(store.all().get(30, TimeUnit.SECONDS)).isEmpty();

        ApacheTopicDump.produce(kafka.producerProperties(), topic, records, r -> r.offset() == 3);

        ByteBuffer key = codec.key("src-a", Map.of("filename", "/tmp/obs/in-a.txt"));
        assertThat(codec.offset(store.get(List.of(key)).get(30, TimeUnit.SECONDS).get(key)))
                .containsEntry("position", 9L);
    }

    @Test
    void writesEachKeyToThePartitionApacheChose(KafkaBroker kafka) throws Exception {
        String topic = KafkaLogTest.uniqueTopic("offsets-partition");
        KafkaLog log = new KafkaLog(KafkaLogTest.settings(kafka, topic, 25), record -> { }, Time.SYSTEM);
        log.start();
        try {
            ApacheTopicDump.Record apache = ApacheTopicDump.read(ApacheTopicDump.OFFSETS).get(0);

            int partition = log.send(apache.keyBytes(), apache.valueBytes()).get(30, TimeUnit.SECONDS).partition();

            assertThat(partition).isEqualTo(apache.partition());
            assertThat(new String(apache.keyBytes(), StandardCharsets.UTF_8))
                    .isEqualTo(StandardCharsets.UTF_8.decode(codec.key("src-a", Map.of("filename", "/tmp/obs/in-a.txt"))).toString());
        } finally {
            log.stop();
        }
    }
}
