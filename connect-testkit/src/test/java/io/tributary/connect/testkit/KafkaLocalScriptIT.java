package io.tributary.connect.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drives bin/kafka-local.sh through a broker's life: start on free ports with a temporary data
 * directory, use it with kafka-clients, ask for its status, stop it. The steps run in order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KafkaLocalScriptIT {

    private Path dataDir;
    private int port;
    private KafkaLocalScript script;
    private long brokerPid;

    @BeforeAll
    void startBroker(@TempDir Path tempDir) throws Exception {
        dataDir = tempDir;
        port = freePort();
        script = new KafkaLocalScript(port, freePort(), dataDir);

        KafkaLocalScript.Result start = script.run("start");

        assertThat(start.exitCode()).as(start.output()).isZero();
        brokerPid = Long.parseLong(Files.readString(dataDir.resolve("kafka.pid")).trim());
    }

    @AfterAll
    void stopBrokerEvenIfAStepFailed() throws Exception {
        if (script != null) {
            script.run("stop");
        }
    }

    @Test
    @Order(1)
    void recordsProducedThroughTheBrokerAreConsumedBack() throws Exception {
        String bootstrap = "localhost:" + port;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic("script-it", 1, (short) 1))).all().get();
        }
        List<String> sent = List.of("one", "two", "three");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new StringSerializer())) {
            for (String value : sent) {
                producer.send(new ProducerRecord<>("script-it", value)).get();
            }
        }

        assertThat(consume(bootstrap, "script-it", sent.size())).containsExactlyElementsOf(sent);
    }

    @Test
    @Order(2)
    void statusReportsTheRunningBrokerWithPidAndPort() throws Exception {
        KafkaLocalScript.Result status = script.run("status");

        assertThat(status.exitCode()).isZero();
        assertThat(status.output()).contains("running", "pid " + brokerPid, "port " + port);
    }

    @Test
    @Order(3)
    void startingAgainReportsTheRunningBrokerAndSucceeds() throws Exception {
        KafkaLocalScript.Result again = script.run("start");

        assertThat(again.exitCode()).isZero();
        assertThat(again.output()).contains("already running", "pid " + brokerPid);
    }

    @Test
    @Order(4)
    void stopEndsTheBrokerProcess() throws Exception {
        KafkaLocalScript.Result stop = script.run("stop");

        assertThat(stop.exitCode()).as(stop.output()).isZero();
        await().atMost(Duration.ofSeconds(10)).until(() -> hasExited(brokerPid));
        assertThat(Ports.isFree(port)).isTrue();
    }

    @Test
    @Order(5)
    void statusAfterStopReportsStoppedWithExitCodeThree() throws Exception {
        KafkaLocalScript.Result status = script.run("status");

        assertThat(status.exitCode()).isEqualTo(3);
        assertThat(status.output()).contains("stopped");
    }

    private static List<String> consume(String bootstrap, String topic, int expected) {
        Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "script-it");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<String> received = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                     new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (received.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    received.add(record.value());
                }
            }
        }
        return received;
    }

    /**
     * True once the process is gone or is a zombie: the broker was started by a script that has
     * exited, so it is reaped by whichever process adopted it, possibly a little later.
     */
    private static boolean hasExited(long pid) throws IOException {
        Path stat = Path.of("/proc", String.valueOf(pid), "stat");
        if (!Files.exists(stat)) {
            return ProcessHandle.of(pid).map(handle -> !handle.isAlive()).orElse(true);
        }
        try {
            String content = Files.readString(stat);
            // The state letter follows the command name, which is in parentheses.
            return content.substring(content.lastIndexOf(')') + 2).startsWith("Z");
        } catch (IOException | RuntimeException gone) {
            return true;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
