package io.tributary.connect.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.connect.testkit.KafkaBroker;
import io.tributary.connect.testkit.KafkaBrokerExtension;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.utils.Time;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(KafkaBrokerExtension.class)
class KafkaLogTest {

    private final List<String> seen = new CopyOnWriteArrayList<>();
    private KafkaLog log;

    @AfterEach
    void stop() {
        if (log != null) {
            log.stop();
        }
    }

    static KafkaLogSettings settings(KafkaBroker kafka, String topic, int partitions) {
        return new KafkaLogSettings(topic, "test.storage.topic", partitions, (short) 1,
                Map.of("bootstrap.servers", kafka.bootstrapServers()), Duration.ofSeconds(30));
    }

    static String uniqueTopic(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    private KafkaLog startLog(KafkaBroker kafka, String topic, int partitions) {
        log = new KafkaLog(settings(kafka, topic, partitions),
                record -> seen.add(text(record.key()) + "=" + text(record.value())), Time.SYSTEM);
        log.start();
        return log;
    }

    @Test
    void createsAnAbsentTopicCompactedWithTheConfiguredPartitions(KafkaBroker kafka) throws Exception {
        String topic = uniqueTopic("log-create");
        startLog(kafka, topic, 3);

        try (Admin admin = kafka.admin()) {
            TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            Config config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
            assertThat(description.partitions()).hasSize(3);
            assertThat(config.get("cleanup.policy").value()).isEqualTo("compact");
        }
    }

    @Test
    void refusesATopicThatIsNotCompactedNamingTopicPolicyAndSetting(KafkaBroker kafka) {
        String topic = uniqueTopic("log-delete");
        kafka.createTopic(topic, 1, Map.of("cleanup.policy", "delete"));
        log = new KafkaLog(settings(kafka, topic, 1), record -> { }, Time.SYSTEM);

        assertThatThrownBy(log::start).isInstanceOf(ConfigException.class)
                .hasMessageContaining(topic).hasMessageContaining("cleanup.policy=delete")
                .hasMessageContaining("test.storage.topic").hasMessageContaining("compact");
    }

    @Test
    void startReadsEverythingAlreadyInTheTopic(KafkaBroker kafka) {
        String topic = uniqueTopic("log-history");
        kafka.createTopic(topic, 2, Map.of("cleanup.policy", "compact"));
        produce(kafka, topic, "a", "1");
        produce(kafka, topic, "b", "2");

        startLog(kafka, topic, 2);

        assertThat(seen).containsExactlyInAnyOrder("a=1", "b=2");
    }

    @Test
    void readToEndCompletesAfterRecordsWrittenElsewhereWereConsumed(KafkaBroker kafka) throws Exception {
        String topic = uniqueTopic("log-tail");
        startLog(kafka, topic, 1);
        produce(kafka, topic, "k", "from-another-writer");

        log.readToEnd().get(30, TimeUnit.SECONDS);

        assertThat(seen).containsExactly("k=from-another-writer");
    }

    @Test
    void sendCompletesWithTheAcknowledgedOffset(KafkaBroker kafka) throws Exception {
        String topic = uniqueTopic("log-send");
        startLog(kafka, topic, 1);

        RecordMetadata first = log.send(bytes("k"), bytes("v1")).get(30, TimeUnit.SECONDS);
        RecordMetadata second = log.send(bytes("k"), null).get(30, TimeUnit.SECONDS);
        log.readToEnd().get(30, TimeUnit.SECONDS);

        assertThat(second.offset()).isEqualTo(first.offset() + 1);
        assertThat(seen).containsExactly("k=v1", "k=null");
    }

    @Test
    void readToEndFailsOnceStopped(KafkaBroker kafka) {
        startLog(kafka, uniqueTopic("log-stopped"), 1);
        log.stop();

        assertThat(log.readToEnd()).isCompletedExceptionally();
    }

    private static void produce(KafkaBroker kafka, String topic, String key, String value) {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(kafka.producerProperties())) {
            producer.send(new ProducerRecord<>(topic, bytes(key), bytes(value)));
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] bytes) {
        return bytes == null ? "null" : new String(bytes, StandardCharsets.UTF_8);
    }
}
