package io.tributary.connect.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import io.tributary.connect.herder.RequestContext;
import io.tributary.connect.model.ConnectorOffset;
import io.tributary.connect.testkit.KafkaBroker;
import io.tributary.connect.testkit.KafkaBrokerExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two source connectors with equal producer settings send through one shared producer on a real broker, and stay
 * as independent as with producers of their own: a record the broker refuses fails only the task that sent it, and
 * a task that stops leaves the producer to the other.
 */
@ExtendWith(KafkaBrokerExtension.class)
class SharedProducerIsolationTest {

    private static final String SHARED_THREAD = "kafka-producer-network-thread | connector-producer-shared-1";
    private static final Map<String, String> SHARING = Map.of("tributary.producer.sharing.enable", "true");

    @TempDir
    Path dir;

    @Test
    void aTaskWhoseRecordsTheBrokerRefusesFailsAloneWhileTheOtherDeliversEverything(KafkaBroker kafka)
            throws Exception {
        kafka.createTopic("sp-tiny", 1, Map.of("max.message.bytes", "1000"));
        kafka.createTopic("sp-fine");
        Path tooLarge = dir.resolve("too-large.txt");
        // One record: the producer splits a refused batch of several and retries them, without end when each
        // record alone is too large (as with a producer of its own).
        Files.write(tooLarge, incompressibleLines(1, 4000));
        Path fine = dir.resolve("fine.txt");
        Files.write(fine, lines(0, 100));

        try (PipelineWorker worker = PipelineWorker.start(kafka, dir, SHARING)) {
            worker.put("sp-large", source(tooLarge, "sp-tiny"));
            worker.put("sp-fine", source(fine, "sp-fine"));
            worker.awaitTaskState("sp-fine", "RUNNING");
            assertThat(producerThreads()).as("one producer for both tasks").containsExactly(SHARED_THREAD);

            assertThat(worker.awaitTaskState("sp-large", "FAILED").trace()).contains("RecordTooLargeException");
            Files.write(fine, lines(100, 200), StandardOpenOption.APPEND);

            assertThat(values(Records.consume(kafka, "sp-fine", 200))).containsExactlyElementsOf(lines(0, 200));
            await().atMost(PipelineWorker.WAIT).until(() -> committedPosition(worker, "sp-fine") == Files.size(fine));
            assertThat(worker.awaitTaskState("sp-fine", "RUNNING").trace()).isNull();
            assertThat(committedPosition(worker, "sp-large")).as("nothing of the refused task acknowledged")
                    .isEqualTo(-1);
            assertThat(producerThreads()).as("the failed task's producer stays open for the other")
                    .containsExactly(SHARED_THREAD);
        }
    }

    @Test
    void aTaskThatStopsLeavesTheSharedProducerToTheOtherAndTheLastOneClosesIt(KafkaBroker kafka) throws Exception {
        kafka.createTopic("sp-stopped");
        kafka.createTopic("sp-going-on");
        Path stopped = dir.resolve("stopped.txt");
        Files.write(stopped, lines(0, 10));
        Path goingOn = dir.resolve("going-on.txt");
        Files.write(goingOn, lines(0, 10));

        try (PipelineWorker worker = PipelineWorker.start(kafka, dir, SHARING)) {
            worker.put("sp-stopped", source(stopped, "sp-stopped"));
            worker.put("sp-going-on", source(goingOn, "sp-going-on"));
            assertThat(values(Records.consume(kafka, "sp-stopped", 10))).containsExactlyElementsOf(lines(0, 10));
            assertThat(producerThreads()).containsExactly(SHARED_THREAD);

            delete(worker, "sp-stopped");
            Files.write(goingOn, lines(10, 110), StandardOpenOption.APPEND);

            assertThat(values(Records.consume(kafka, "sp-going-on", 110))).containsExactlyElementsOf(lines(0, 110));
            await().atMost(PipelineWorker.WAIT)
                    .until(() -> committedPosition(worker, "sp-going-on") == Files.size(goingOn));
            assertThat(producerThreads()).containsExactly(SHARED_THREAD);

            delete(worker, "sp-going-on");
            await().atMost(PipelineWorker.WAIT).until(() -> producerThreads().isEmpty());
        }
    }

    @Test
    void byDefaultEachTaskHasAProducerWithKafkaConnectsClientId(KafkaBroker kafka) throws Exception {
        kafka.createTopic("sp-own");
        Path first = dir.resolve("first.txt");
        Files.write(first, lines(0, 10));
        Path second = dir.resolve("second.txt");
        Files.write(second, lines(0, 10));

        try (PipelineWorker worker = PipelineWorker.start(kafka, dir,
                Map.of())) {
            worker.put("sp-first", source(first, "sp-own"));
            worker.put("sp-second", source(second, "sp-own"));

            assertThat(Records.consume(kafka, "sp-own", 20)).hasSize(20);
            assertThat(producerThreads()).containsExactly(
                    "kafka-producer-network-thread | connector-producer-sp-first-0",
                    "kafka-producer-network-thread | connector-producer-sp-second-0");
        }
    }

    private static Map<String, String> source(Path file, String topic) {
        Map<String, String> config = new HashMap<>();
        config.put("connector.class", "FileStreamSource");
        config.put("file", file.toString());
        config.put("topic", topic);
        return config;
    }

    /** Names of the threads of producers made for source tasks (shared or not). */
    private static List<String> producerThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(name -> name.startsWith("kafka-producer-network-thread | connector-producer-"))
                .sorted().toList();
    }

    private static List<String> lines(int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> "line-" + i).toList();
    }

    /** Lines lz4 cannot shrink below the topic's 1000-byte limit. */
    private static List<String> incompressibleLines(int count, int bytes) {
        Random random = new Random(18);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byte[] noise = new byte[bytes];
            random.nextBytes(noise);
            lines.add(Base64.getEncoder().encodeToString(noise));
        }
        return lines;
    }

    private static List<String> values(List<ConsumerRecord<byte[], byte[]>> records) {
        return records.stream().map(record -> Records.text(record.value())).toList();
    }

    private static void delete(PipelineWorker worker, String connector) throws Exception {
        worker.herder.deleteConnectorConfig(RequestContext.CLIENT, connector).get(60, TimeUnit.SECONDS);
    }

    private static long committedPosition(PipelineWorker worker, String connector) throws Exception {
        List<ConnectorOffset> offsets = worker.herder.connectorOffsets(connector).get(30, TimeUnit.SECONDS).offsets();
        if (offsets.isEmpty()) {
            return -1;
        }
        return ((Number) offsets.get(0).offset().get("position")).longValue();
    }
}
