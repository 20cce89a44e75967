package io.tributary.connect.worker;

import io.tributary.connect.herder.RequestContext;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.tributary.connect.config.StandaloneConfig;
import io.tributary.connect.herder.StandaloneHerder;
import io.tributary.connect.model.ConnectorInfo;
import io.tributary.connect.model.ConnectorStateInfo;
import io.tributary.connect.model.ConnectorTaskId;
import io.tributary.connect.status.MemoryStatusStore;
import io.tributary.connect.storage.FileOffsetBackingStore;
import io.tributary.connect.testkit.KafkaBroker;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.connect.connector.policy.AllConnectorClientConfigOverridePolicy;
import org.apache.kafka.connect.connector.policy.ConnectorClientConfigOverridePolicy;

/** A standalone herder and worker against the test broker, for pipeline tests; extra worker settings allowed. */
final class PipelineWorker implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(60);

    final StandaloneHerder herder;

    private PipelineWorker(StandaloneHerder herder) {
        this.herder = herder;
    }

    static PipelineWorker start(KafkaBroker kafka, Path dir) {
        return start(kafka, dir, Map.of(), new AllConnectorClientConfigOverridePolicy());
    }

    static PipelineWorker start(KafkaBroker kafka, Path dir, Map<String, String> extraProps,
                                ConnectorClientConfigOverridePolicy policy) {
        Map<String, String> props = new HashMap<>();
        props.put("bootstrap.servers", kafka.bootstrapServers());
        props.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
        props.put("value.converter", "org.apache.kafka.connect.storage.StringConverter");
        props.put("offset.storage.file.filename", dir.resolve("connect.offsets").toString());
        props.put("offset.flush.interval.ms", "500");
        props.put("task.shutdown.graceful.timeout.ms", "5000");
        props.putAll(extraProps);
        StandaloneConfig config = new StandaloneConfig(props);
        Worker worker = new Worker("localhost:8083", KafkaClusterId.lookup(config, 30_000), config,
                WorkerTestPlugins.shared(), policy, new FileOffsetBackingStore(dir.resolve("connect.offsets")),
                new MemoryStatusStore(), Time.SYSTEM);
        StandaloneHerder herder = new StandaloneHerder(worker);
        herder.start();
        return new PipelineWorker(herder);
    }

    /** Creates the connector; a refused configuration throws the herder's exception itself. */
    ConnectorInfo put(String name, Map<String, String> config) throws Exception {
        Map<String, String> withName = new HashMap<>(config);
        withName.put("name", name);
        try {
            return herder.putConnectorConfig(RequestContext.CLIENT, name, withName, null, false).get(60, TimeUnit.SECONDS).result();
        } catch (ExecutionException e) {
            throw (Exception) e.getCause();
        }
    }

    ConnectorStateInfo.TaskState awaitTaskState(String connector, String state) {
        AtomicReference<ConnectorStateInfo.TaskState> seen = new AtomicReference<>();
        await().atMost(WAIT).until(() -> {
            try {
                seen.set(herder.taskStatus(new ConnectorTaskId(connector, 0)));
                return state.equals(seen.get().state());
            } catch (RuntimeException e) {
                return false;
            }
        });
        return seen.get();
    }

    @Override
    public void close() {
        herder.stop();
    }
}
