package org.apache.kafka.connect.util;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.connect.ManualTime;
import io.tributary.connect.testkit.KafkaBroker;
import io.tributary.connect.testkit.KafkaBrokerExtension;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.connect.errors.ConnectException;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The topic reader MirrorMaker 2 builds over its own clients, against a real broker. */
@ExtendWith(KafkaBrokerExtension.class)
class KafkaBasedLogTest {

    private KafkaBroker broker;
    private String topic;
    private final List<String> read = new CopyOnWriteArrayList<>();
    private final List<TopicAdmin> admins = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp(KafkaBroker broker) {
        this.broker = broker;
        this.topic = "log-" + UUID.randomUUID();
    }

    /** The log leaves the admin to its owner, as MirrorMaker 2's stores close theirs themselves. */
    @AfterEach
    void closeAdmins() {
        admins.forEach(TopicAdmin::close);
    }

    @Test
    void startReadsTheChosenPartitionsToTheirEndBeforeReturningThenFollowsTheTopic() throws Exception {
        broker.createTopic(topic, 2);
        write(0, "a", "b", "c");
        write(1, "other");
        KafkaConsumer<String, String> consumer = consumer(new StringDeserializer());
        KafkaBasedLog<String, String> log = KafkaBasedLog.withExistingClients(topic, consumer, null, admin(),
                (error, record) -> read.add(record.value()), Time.SYSTEM, ignored -> { }, tp -> tp.partition() == 0);

        log.start(false);
        try {
            assertThat(read).containsExactly("a", "b", "c");

            write(0, "d");
            write(1, "ignored");

            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> read.size() == 4);
            assertThat(read).containsExactly("a", "b", "c", "d");
        } finally {
            log.stop();
        }
    }

    @Test
    void stopClosesTheConsumerItWasGiven() throws Exception {
        broker.createTopic(topic);
        KafkaConsumer<String, String> consumer = consumer(new StringDeserializer());
        KafkaBasedLog<String, String> log = KafkaBasedLog.withExistingClients(topic, consumer, null, admin(),
                (error, record) -> read.add(record.value()), Time.SYSTEM, ignored -> { }, tp -> true);
        log.start(true);

        log.stop();

        assertThatThrownBy(() -> consumer.poll(Duration.ZERO)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }

    @Test
    void theInitializerRunsWithTheAdminBeforeTheTopicIsRead() throws Exception {
        broker.createTopic(topic);
        TopicAdmin admin = admin();
        List<TopicAdmin> initialized = new CopyOnWriteArrayList<>();
        KafkaBasedLog<String, String> log = KafkaBasedLog.withExistingClients(topic, consumer(new StringDeserializer()),
                null, admin, (error, record) -> { }, Time.SYSTEM, initialized::add, tp -> true);

        log.start(false);
        log.stop();

        assertThat(initialized).containsExactly(admin);
    }

    @Test
    void aReadErrorReachesTheCallbackWhenAskedForAndEscapesStartWhenTheCallbackThrowsIt() throws Exception {
        broker.createTopic(topic);
        write(0, "unreadable");
        Deserializer<String> failing = (t, data) -> {
            throw new SerializationException("cannot read " + new String(data, StandardCharsets.UTF_8));
        };
        KafkaBasedLog<String, String> log = KafkaBasedLog.withExistingClients(topic, consumer(failing), null, admin(),
                (error, record) -> {
                    if (error != null) {
                        throw new IllegalStateException("reader gave up", error);
                    }
                }, Time.SYSTEM, ignored -> { }, tp -> true);
        try {
            assertThatThrownBy(() -> log.start(true)).isInstanceOf(IllegalStateException.class)
                    .hasMessage("reader gave up").cause().hasMessageContaining("Error deserializing VALUE")
                    .cause().hasMessageContaining("cannot read unreadable");
        } finally {
            log.stop();
        }
    }

    @Test
    void aTopicThatDoesNotExistFailsTheStartNamingIt() {
        ManualTime time = new ManualTime();
        KafkaBasedLog<String, String> log = KafkaBasedLog.withExistingClients(topic, consumer(new StringDeserializer()),
                null, admin(), (error, record) -> { }, time, ignored -> { }, tp -> true);
        try {
            assertThatThrownBy(() -> log.start(false)).isInstanceOf(ConnectException.class)
                    .hasMessageContaining("'" + topic + "'").hasMessageContaining("not found");
            assertThat(time.milliseconds()).as("gave up after 30 s").isGreaterThanOrEqualTo(1_000_000 + 30_000);
        } finally {
            log.stop();
        }
    }

    @Test
    void aTopicWithoutAChosenPartitionFailsTheStart() {
        broker.createTopic(topic, 2);
        KafkaBasedLog<String, String> log = KafkaBasedLog.withExistingClients(topic, consumer(new StringDeserializer()),
                null, admin(), (error, record) -> { }, Time.SYSTEM, ignored -> { }, tp -> tp.partition() == 5);
        try {
            assertThatThrownBy(() -> log.start(false)).isInstanceOf(ConnectException.class)
                    .hasMessageContaining("'" + topic + "' has 2 partition(s)");
        } finally {
            log.stop();
        }
    }

    private KafkaConsumer<String, String> consumer(Deserializer<String> values) {
        Map<String, Object> props = broker.consumerProperties("unused");
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        return new KafkaConsumer<>(props, new StringDeserializer(), values);
    }

    private TopicAdmin admin() {
        TopicAdmin admin = new TopicAdmin(broker.adminProperties(), broker.admin());
        admins.add(admin);
        return admin;
    }

    private void write(int partition, String... values) throws ExecutionException, InterruptedException {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(broker.producerProperties())) {
            for (String value : values) {
                producer.send(new ProducerRecord<>(topic, partition, null, value.getBytes(StandardCharsets.UTF_8)))
                        .get();
            }
        }
    }
}
