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
     * Settings of a distributed worker of group {@code groupId} against the broker: JSON converters, internal
     * topics named after the group (replication 1, one partition), a REST port of its own, a 6 s session.
     * A fresh mutable map: callers change what their test needs.
     */
    public static Map<String, String> distributedProps(KafkaBroker kafka, String groupId) {
        Map<String, String> props = new HashMap<>();
        props.put("bootstrap.servers", kafka.bootstrapServers());
        props.put("group.id", groupId);
        props.put("key.converter", "org.apache.kafka.connect.json.JsonConverter");
        props.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        props.put("config.storage.topic", groupId + "-configs");
        props.put("offset.storage.topic", groupId + "-offsets");
        props.put("status.storage.topic", groupId + "-status");
        props.put("config.storage.replication.factor", "1");
        props.put("offset.storage.replication.factor", "1");
        props.put("status.storage.replication.factor", "1");
        props.put("offset.storage.partitions", "1");
        props.put("status.storage.partitions", "1");
        props.put("listeners", "http://localhost:0");
        props.put("session.timeout.ms", "6000");
        props.put("heartbeat.interval.ms", "1000");
        return props;
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
