package io.tributary.connect.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.connect.herder.DistributedHerder;
import io.tributary.connect.herder.RequestContext;
import io.tributary.connect.model.ConnectorStateInfo;
import io.tributary.connect.testkit.KafkaBroker;
import io.tributary.connect.testkit.KafkaBrokerExtension;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.apache.kafka.common.Metric;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * What creating connectors costs the group in rebalances, on real workers and a real broker: a connector needs a
 * round for itself and one for its tasks, and the rounds of connectors created one after another or together
 * are shared, so that creations cost about one round each, not two (issue 18).
 */
@ExtendWith(KafkaBrokerExtension.class)
class ConnectorCreationRebalancesTest {

    private static final long TIMEOUT_S = 120;
    private static final int CONNECTORS = 15;

    @TempDir
    Path dir;

    private KafkaBroker broker;
    private String id;
    private final List<DistributedWorker> workers = new ArrayList<>();

    @BeforeEach
    void setUp(KafkaBroker broker) {
        this.broker = broker;
        this.id = UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void stopWorkers() {
        workers.forEach(DistributedWorker::stop);
    }

    @Test
    void connectorsCreatedOneAfterAnotherCostAboutOneRebalanceEach() throws Exception {
        DistributedWorker worker = start();
        int before = generation(worker);

        for (int i = 0; i < CONNECTORS; i++) {
            create(worker.herder(), "seq-" + id + "-" + i).get(TIMEOUT_S, TimeUnit.SECONDS);
        }
        await("all connectors and their tasks RUNNING", () -> allRunning(worker.herder(), "seq-" + id, CONNECTORS));

        // Without sharing rounds each creation costs two: CONNECTORS * 2 here.
        assertThat(generation(worker) - before).as("generations for %d creations", CONNECTORS)
                .isLessThanOrEqualTo(CONNECTORS + 2);
    }

    @Test
    void connectorsCreatedTogetherThroughTwoWorkersShareRebalances() throws Exception {
        DistributedWorker first = start();
        DistributedWorker second = start();
        await("both workers in one generation", () -> generation(first) == generation(second));
        int before = generation(first);

        List<CompletableFuture<?>> creations = new ArrayList<>();
        for (int i = 0; i < CONNECTORS; i++) {
            DistributedWorker through = i % 2 == 0 ? first : second;
            creations.add(create(through.herder(), "burst-" + id + "-" + i));
        }
        CompletableFuture.allOf(creations.toArray(CompletableFuture[]::new)).get(TIMEOUT_S, TimeUnit.SECONDS);
        await("all connectors and their tasks RUNNING", () -> allRunning(first.herder(), "burst-" + id, CONNECTORS));

        assertThat(generation(first) - before).as("generations for %d creations at once", CONNECTORS)
                .isLessThanOrEqualTo(CONNECTORS / 2);
    }

    private DistributedWorker start() {
        Map<String, String> props = LocalWorkers.distributedProps(broker, "creations-" + id);
        props.put("scheduled.rebalance.max.delay.ms", "1000");
        DistributedWorker worker = DistributedWorker.start(props);
        workers.add(worker);
        await("the worker to join the group", () -> worker.herder().isReady());
        return worker;
    }

    private CompletableFuture<?> create(DistributedHerder herder, String name) throws Exception {
        Path input = Files.writeString(dir.resolve(name + ".txt"), "a\nb\n");
        Map<String, String> config = Map.of("name", name, "connector.class", "FileStreamSource",
                "file", input.toString(), "topic", "creations-" + id, "tasks.max", "1");
        return herder.putConnectorConfig(RequestContext.CLIENT, name, config, null, false);
    }

    private static boolean allRunning(DistributedHerder herder, String prefix, int count) {
        for (int i = 0; i < count; i++) {
            ConnectorStateInfo status;
            try {
                status = herder.connectorStatus(prefix + "-" + i);
            } catch (RuntimeException notYet) {
                return false;
            }
            if (!"RUNNING".equals(status.connector().state()) || status.tasks().size() != 1
                    || !"RUNNING".equals(status.tasks().get(0).state())) {
                return false;
            }
        }
        return true;
    }

    /** The generation the worker last joined, from its connect-worker-rebalance-metrics. */
    private static int generation(DistributedWorker worker) {
        for (Map.Entry<org.apache.kafka.common.MetricName, ? extends Metric> metric
                : worker.metrics().registry().metrics().entrySet()) {
            if (metric.getKey().group().equals("connect-worker-rebalance-metrics")
                    && metric.getKey().name().equals("epoch")) {
                return ((Number) metric.getValue().metricValue()).intValue();
            }
        }
        throw new AssertionError("no epoch metric");
    }

    private static void await(String what, BooleanSupplier condition) {
        Awaitility.await(what).atMost(Duration.ofSeconds(TIMEOUT_S)).pollInterval(Duration.ofMillis(50))
                .until(condition::getAsBoolean);
    }
}
