package io.tributary.connect.herder;

import io.tributary.connect.cli.LocalWorkers;
import io.tributary.connect.cli.StandaloneWorker;
import io.tributary.connect.model.ConnectorInfo;
import io.tributary.connect.model.TargetState;
import io.tributary.connect.testkit.KafkaBroker;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A standalone worker as the CLI assembles it, against a test broker, with shortcuts for herder tests. */
final class StandaloneRuntime implements AutoCloseable {

    final StandaloneHerder herder;
    private final StandaloneWorker worker;

    private StandaloneRuntime(StandaloneWorker worker) {
        this.worker = worker;
        this.herder = worker.herder();
    }

    static StandaloneRuntime start(KafkaBroker kafka, Path offsetsFile) {
        return new StandaloneRuntime(LocalWorkers.standalone(kafka, offsetsFile, Map.of()));
    }

    /** The id statuses carry: the REST server's advertised host:port. */
    String workerId() {
        return worker.rest().workerId();
    }

    ConnectorInfo put(String name, Map<String, String> config) throws Exception {
        return put(name, config, null);
    }

    ConnectorInfo put(String name, Map<String, String> config, TargetState initialState) throws Exception {
        Map<String, String> withName = new HashMap<>(config);
        withName.put("name", name);
        return herder.putConnectorConfig(RequestContext.CLIENT, name, withName, initialState, false)
                .get(30, TimeUnit.SECONDS).result();
    }

    @Override
    public void close() {
        worker.stop();
    }
}
