package io.tributary.connect.herder;

import io.tributary.connect.testkit.KafkaBroker;
import io.tributary.connect.testkit.KafkaBrokerExtension;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Pausing and resuming a sink while records arrive must never skip a record. */
@ExtendWith(KafkaBrokerExtension.class)
class SinkPauseResumeTest {

    private static final int PARTITIONS = 3;
    private static final int PER_PARTITION = 2_000;

    @TempDir
    Path dir;

    @Test
    void everyRecordReachesTheTaskAcrossRepeatedPausesAndResumes(KafkaBroker kafka) throws Exception {
        String topic = "pause-resume";
        kafka.createTopic(topic, PARTITIONS);
        Map<String, Object> producerProps = kafka.producerProperties();
        try (StandaloneRuntime runtime = StandaloneRuntime.start(kafka, dir.resolve("offsets"));
             KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerProps)) {
            runtime.put("recorder", Map.of("connector.class", RecordingSinkConnector.class.getName(),
                    "topics", topic, "value.converter", "org.apache.kafka.connect.converters.ByteArrayConverter",
                    "key.converter", "org.apache.kafka.connect.converters.ByteArrayConverter"));
            for (int i = 0; i < PER_PARTITION; i++) {
                for (int p = 0; p < PARTITIONS; p++) {
                    producer.send(new ProducerRecord<>(topic, p, null, ("r" + i).getBytes(StandardCharsets.UTF_8)));
                }
                if (i % 200 == 0) {
                    producer.flush();
                    runtime.herder.pauseConnector("recorder").get(30, TimeUnit.SECONDS);
                    runtime.herder.resumeConnector("recorder").get(30, TimeUnit.SECONDS);
                }
            }
            producer.flush();

            await().atMost(Duration.ofSeconds(120))
                    .until(() -> RecordingSinkConnector.seen("recorder").size() >= PARTITIONS * PER_PARTITION);
            assertThat(RecordingSinkConnector.seen("recorder")).isEqualTo(everyOffset());
        }
    }

    private static Set<String> everyOffset() {
        Set<String> all = new HashSet<>();
        for (int p = 0; p < PARTITIONS; p++) {
            for (int offset = 0; offset < PER_PARTITION; offset++) {
                all.add(p + "/" + offset);
            }
        }
        return all;
    }
}
