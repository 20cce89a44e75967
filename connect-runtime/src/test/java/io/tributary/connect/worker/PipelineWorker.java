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

import io.tributary.connect.cli.LocalWorkers;
import io.tributary.connect.cli.StandaloneWorker;
import io.tributary.connect.herder.StandaloneHerder;
import io.tributary.connect.model.ConnectorInfo;
import io.tributary.connect.model.ConnectorStateInfo;
import io.tributary.connect.model.ConnectorTaskId;
import io.tributary.connect.testkit.KafkaBroker;

/** A standalone herder and worker against the test broker, for pipeline tests; extra worker settings allowed. */
final class PipelineWorker implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(60);

    final StandaloneHerder herder;
    private final StandaloneWorker worker;

    private PipelineWorker(StandaloneWorker worker) {
        this.worker = worker;
        this.herder = worker.herder();
    }

    static PipelineWorker start(KafkaBroker kafka, Path dir) {
        return start(kafka, dir, Map.of());
    }

    /** Extra worker settings override the defaults: String converters, short flush and shutdown times. */
    static PipelineWorker start(KafkaBroker kafka, Path dir, Map<String, String> extraProps) {
        Map<String, String> props = new HashMap<>();
        props.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
        props.put("value.converter", "org.apache.kafka.connect.storage.StringConverter");
        props.putAll(extraProps);
        return new PipelineWorker(LocalWorkers.standalone(kafka, dir.resolve("connect.offsets"), props));
    }

    /** Creates the connector; a refused configuration throws the herder's exception itself. */
    ConnectorInfo put(String name, Map<String, String> config) throws Exception {
        Map<String, String> withName = new HashMap<>(config);
        withName.put("name", name);
        try {
            return herder.putConnectorConfig(RequestContext.CLIENT, name, withName, null, false)
                    .get(60, TimeUnit.SECONDS).result();
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
        worker.stop();
    }
}
