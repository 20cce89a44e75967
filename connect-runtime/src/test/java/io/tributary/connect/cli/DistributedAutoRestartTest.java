package io.tributary.connect.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.tributary.connect.config.AutoRestartConfig;
import io.tributary.connect.herder.RequestContext;
import io.tributary.connect.model.ConnectorStateInfo;
import io.tributary.connect.model.ConnectorTaskId;
import io.tributary.connect.testkit.KafkaBroker;
import io.tributary.connect.testkit.KafkaBrokerExtension;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.KafkaMetric;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Automatic restarts in a cluster of two workers: the worker that runs the failed task restarts it, alone. */
@ExtendWith(KafkaBrokerExtension.class)
class DistributedAutoRestartTest {

    private static final Duration WAIT = Duration.ofSeconds(90);

    @TempDir
    Path dir;

    private final List<DistributedWorker> workers = new ArrayList<>();

    @AfterEach
    void stopWorkers() {
        workers.forEach(DistributedWorker::stop);
    }

    @Test
    void onlyTheWorkerRunningAFailedTaskRestartsIt(KafkaBroker kafka) throws Exception {
        String id = UUID.randomUUID().toString().substring(0, 8);
        String topic = "auto-restart-" + id;
        kafka.createTopic(topic);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(kafka.producerProperties())) {
            producer.send(new ProducerRecord<>(topic, "only".getBytes(StandardCharsets.UTF_8))).get();
        }
        DistributedWorker first = start(kafka, id);
        DistributedWorker second = start(kafka, id);
        Path folder = dir.resolve("later");
        Path file = folder.resolve("out.txt");
        ConnectorTaskId task = new ConnectorTaskId("sink-" + id, 0);

        first.herder().putConnectorConfig(RequestContext.CLIENT, task.connector(), Map.of("name", task.connector(),
                "connector.class", "FileStreamSink", "topics", topic, "file", file.toString(), "tasks.max", "1",
                "value.converter", "org.apache.kafka.connect.storage.StringConverter",
                "key.converter", "org.apache.kafka.connect.storage.StringConverter"), null, false)
                .get(60, TimeUnit.SECONDS);
        String owner = await().atMost(WAIT).ignoreExceptions()
                .until(() -> first.herder().taskStatus(task), status -> status.state().equals("FAILED")).workerId();
        DistributedWorker running = first.rest().workerId().equals(owner) ? first : second;
        DistributedWorker other = running == first ? second : first;

        await().atMost(WAIT).until(() -> attempts(running, task) >= 2);
        assertThat(attempts(other, task)).isZero();
        ConnectorStateInfo.TaskState meanwhile = other.herder().taskStatus(task);
        assertThat(meanwhile.workerId()).isEqualTo(owner);

        Files.createDirectories(folder);

        ConnectorStateInfo.TaskState recovered = await().atMost(WAIT).ignoreExceptions()
                .until(() -> other.herder().taskStatus(task), status -> status.state().equals("RUNNING"));
        assertThat(recovered.workerId()).isEqualTo(owner);
        assertThat(attempts(other, task)).isZero();
        await().atMost(WAIT).until(() -> Files.exists(file) && Files.readAllLines(file).equals(List.of("only")));
    }

    private static double attempts(DistributedWorker worker, ConnectorTaskId task) {
        Map<String, String> tags = Map.of("connector", task.connector(), "task", String.valueOf(task.task()));
        for (Map.Entry<MetricName, KafkaMetric> metric : worker.metrics().registry().metrics().entrySet()) {
            MetricName name = metric.getKey();
            if (name.group().equals("tributary-auto-restart-metrics") && name.tags().equals(tags)
                    && name.name().equals("auto-restart-attempts-total")) {
                return (Double) metric.getValue().metricValue();
            }
        }
        return 0;
    }

    private DistributedWorker start(KafkaBroker kafka, String id) {
        Map<String, String> props = new HashMap<>();
        props.put("bootstrap.servers", kafka.bootstrapServers());
        props.put("group.id", "restart-" + id);
        props.put("key.converter", "org.apache.kafka.connect.json.JsonConverter");
        props.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        props.put("config.storage.topic", "restart-" + id + "-configs");
        props.put("offset.storage.topic", "restart-" + id + "-offsets");
        props.put("status.storage.topic", "restart-" + id + "-status");
        props.put("config.storage.replication.factor", "1");
        props.put("offset.storage.replication.factor", "1");
        props.put("status.storage.replication.factor", "1");
        props.put("offset.storage.partitions", "2");
        props.put("status.storage.partitions", "2");
        props.put("offset.flush.interval.ms", "500");
        props.put("listeners", "http://localhost:0");
        props.put("session.timeout.ms", "6000");
        props.put("heartbeat.interval.ms", "1000");
        props.put("scheduled.rebalance.max.delay.ms", "1000");
        props.put(AutoRestartConfig.ENABLED_CONFIG, "true");
        props.put(AutoRestartConfig.BACKOFF_INITIAL_MS_CONFIG, "300");
        props.put(AutoRestartConfig.BACKOFF_MAX_MS_CONFIG, "1000");
        DistributedWorker worker = DistributedWorker.start(props);
        workers.add(worker);
        await().atMost(WAIT).until(() -> worker.herder().isReady());
        return worker;
    }
}
