package io.tributary.connect.cli;

import io.tributary.connect.testkit.KafkaBroker;
import io.tributary.connect.worker.WorkerTestPlugins;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Standalone workers for tests, assembled by {@link StandaloneWorker} exactly as bin/connect-standalone.sh
 * assembles them, on the shared test plugins and a REST port of their own.
 */
public final class LocalWorkers {

    private LocalWorkers() {
    }

    /**
     * A started standalone worker against the broker, keeping offsets in the given file; JSON converters,
     * short flush and shutdown times. Extra settings override these.
     */
    public static StandaloneWorker standalone(KafkaBroker kafka, Path offsetsFile, Map<String, String> extraProps) {
        Map<String, String> props = new HashMap<>();
        props.put("bootstrap.servers", kafka.bootstrapServers());
        props.put("key.converter", "org.apache.kafka.connect.json.JsonConverter");
        props.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        props.put("offset.storage.file.filename", offsetsFile.toString());
        props.put("offset.flush.interval.ms", "500");
        props.put("task.shutdown.graceful.timeout.ms", "5000");
        props.put("listeners", "http://localhost:0");
        props.putAll(extraProps);
        return StandaloneWorker.start(props, WorkerTestPlugins.shared());
    }
}
