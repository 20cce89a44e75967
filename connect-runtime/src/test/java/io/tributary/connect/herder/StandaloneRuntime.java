package io.tributary.connect.herder;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.tributary.connect.config.StandaloneConfig;
import io.tributary.connect.model.ConnectorInfo;
import io.tributary.connect.model.TargetState;
import io.tributary.connect.status.MemoryStatusStore;
import io.tributary.connect.storage.FileOffsetBackingStore;
import io.tributary.connect.testkit.KafkaBroker;
import io.tributary.connect.worker.KafkaClusterId;
import io.tributary.connect.worker.Worker;
import io.tributary.connect.worker.WorkerTestPlugins;
import org.apache.kafka.common.utils.Time;

/** A standalone worker and herder wired as the CLI wires them, against a test broker. */
final class StandaloneRuntime implements AutoCloseable {

    static final String WORKER_ID = "localhost:8083";

    final StandaloneHerder herder;
    final Worker worker;

    private StandaloneRuntime(StandaloneHerder herder, Worker worker) {
        this.herder = herder;
        this.worker = worker;
    }

    static StandaloneRuntime start(KafkaBroker kafka, Path offsetsFile) {
        Map<String, String> props = new HashMap<>();
        props.put("bootstrap.servers", kafka.bootstrapServers());
        props.put("key.converter", "org.apache.kafka.connect.json.JsonConverter");
        props.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        props.put("offset.storage.file.filename", offsetsFile.toString());
        props.put("offset.flush.interval.ms", "500");
        props.put("task.shutdown.graceful.timeout.ms", "5000");
        StandaloneConfig config = new StandaloneConfig(props);
        String clusterId = KafkaClusterId.lookup(config, 30_000);
        Worker worker = new Worker(WORKER_ID, clusterId, config, WorkerTestPlugins.shared(),
                new AllowAllOverridePolicy(), new FileOffsetBackingStore(offsetsFile), new MemoryStatusStore(),
                Time.SYSTEM);
        StandaloneHerder herder = new StandaloneHerder(worker);
        herder.start();
        return new StandaloneRuntime(herder, worker);
    }

    ConnectorInfo put(String name, Map<String, String> config) throws Exception {
        return put(name, config, null);
    }

    ConnectorInfo put(String name, Map<String, String> config, TargetState initialState) throws Exception {
        Map<String, String> withName = new HashMap<>(config);
        withName.put("name", name);
        return herder.putConnectorConfig(RequestContext.CLIENT, name, withName, initialState, false).get(30, TimeUnit.SECONDS).result();
    }

    @Override
    public void close() {
        herder.stop();
    }
}
