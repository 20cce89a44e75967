package io.tributary.connect.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A broker process taken away by SIGKILL and by SIGTERM comes back at the same address with its data. */
class KafkaBrokerProcessIT {

    private static final String TOPIC = "kept";

    @Test
    void brokerComesBackAfterKillAndAfterStopWithEveryAcknowledgedRecord(@TempDir Path dir) throws Exception {
        try (KafkaBrokerProcess broker = new KafkaBrokerProcess(dir)) {
            broker.start();
            long firstPid = pid(dir);
            createTopic(broker.bootstrapServers());
            produce(broker.bootstrapServers(), "before-kill");

            broker.kill();
            assertThat(Ports.isFree(Ports.of(broker.bootstrapServers()).get(0))).as("client port after kill").isTrue();
            broker.start();
            assertThat(pid(dir)).as("pid after the restart").isNotEqualTo(firstPid);
            produce(broker.bootstrapServers(), "before-stop");

            broker.stop();
            assertThat(Ports.isFree(Ports.of(broker.bootstrapServers()).get(0))).as("client port after stop").isTrue();
            broker.start();

            assertThat(readAll(broker.bootstrapServers())).containsExactly("before-kill", "before-stop");
        }
    }

    private static long pid(Path dataDir) throws Exception {
        return Long.parseLong(Files.readString(dataDir.resolve("kafka.pid")).trim());
    }

    private static void createTopic(String bootstrap) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
    }

    private static void produce(String bootstrap, String value) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(TOPIC, value)).get(60, TimeUnit.SECONDS);
        }
    }

    private static List<String> readAll(String bootstrap) {
        List<String> values = new ArrayList<>();
        TopicPartition partition = new TopicPartition(TOPIC, 0);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
                Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (values.size() < 2 && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    values.add(record.value());
                }
            }
        }
        return values;
    }
}
