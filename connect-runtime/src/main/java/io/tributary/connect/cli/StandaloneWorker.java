package io.tributary.connect.cli;

import io.tributary.connect.config.StandaloneConfig;
import io.tributary.connect.herder.RequestContext;
import io.tributary.connect.herder.StandaloneHerder;
import io.tributary.connect.plugins.Plugins;
import io.tributary.connect.rest.RestServer;
import io.tributary.connect.status.MemoryStatusStore;
import io.tributary.connect.storage.FileOffsetBackingStore;
import io.tributary.connect.worker.KafkaClusterId;
import io.tributary.connect.worker.Worker;
import org.apache.kafka.connect.connector.policy.ConnectorClientConfigOverridePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A standalone worker assembled from its properties: plugins, the REST server, the worker with
 * its file offset store, and the standalone herder that owns the connectors. Starts them in the
 * order Apache does (REST first, answering "starting" until the herder is ready) and stops them in
 * reverse, once.
 */
final class StandaloneWorker {

    private static final Logger log = LoggerFactory.getLogger(StandaloneWorker.class);
    private static final long CLUSTER_ID_TIMEOUT_MS = 60_000;
    private static final long CONNECTOR_CREATE_TIMEOUT_MS = 120_000;

    private final Plugins plugins;
    private final RestServer rest;
    private final StandaloneHerder herder;
    private final AtomicBoolean stopped = new AtomicBoolean();

    private StandaloneWorker(Plugins plugins, RestServer rest, StandaloneHerder herder) {
        this.plugins = plugins;
        this.rest = rest;
        this.herder = herder;
    }

    static StandaloneWorker start(Map<String, String> workerProps) {
        Plugins plugins = WorkerBootstrap.loadPlugins(workerProps);
        StandaloneConfig config = WorkerBootstrap.parseConfig(plugins, workerProps, StandaloneConfig::new);
        RestServer rest = new RestServer(config, WorkerBootstrap.TIME);
        try {
            rest.start();
        } catch (RuntimeException e) {
            plugins.close();
            throw StartupException.worker("Could not start the REST server on " + config.getList("listeners")
                    + ": " + StartupMessages.rootMessage(e), e);
        }
        try {
            String clusterId = KafkaClusterId.lookup(config, CLUSTER_ID_TIMEOUT_MS);
            ConnectorClientConfigOverridePolicy policy =
                    plugins.newConnectorClientConfigOverridePolicy(config.connectorClientPolicy());
            policy.configure(config.originals());
            Worker worker = new Worker(rest.workerId(), clusterId, config, plugins, policy,
                    new FileOffsetBackingStore(Path.of(config.offsetStorageFile())), new MemoryStatusStore(),
                    WorkerBootstrap.TIME);
            StandaloneHerder herder = new StandaloneHerder(worker);
            herder.start();
            rest.initializeResources(herder, plugins);
            log.info("Tributary standalone worker {} is ready; REST API at {}", rest.workerId(), rest.advertisedUrl());
            return new StandaloneWorker(plugins, rest, herder);
        } catch (RuntimeException e) {
            rest.stop();
            plugins.close();
            throw StartupException.worker(StartupMessages.rootMessage(e), e);
        }
    }

    /** Creates one connector from the command line; any failure names the file it came from. */
    void createConnector(ConnectorFile file) {
        try {
            herder.putConnectorConfig(RequestContext.CLIENT, file.name(), file.config(), file.initialState(), false)
                    .get(CONNECTOR_CREATE_TIMEOUT_MS, TimeUnit.MILLISECONDS);
            log.info("Created connector {} from {}", file.name(), file.file());
        } catch (ExecutionException e) {
            throw StartupException.connector("Failed to create connector for " + file.file() + ": "
                    + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw StartupException.connector("Timed out after " + CONNECTOR_CREATE_TIMEOUT_MS
                    + " ms creating the connector from " + file.file(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw StartupException.connector("Interrupted while creating the connector from " + file.file(), e);
        }
    }

    /** Stops connectors and tasks (committing offsets), then the REST server; safe to call twice. */
    void stop() {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        log.info("Tributary standalone worker stopping");
        try {
            herder.stop();
        } finally {
            rest.stop();
            plugins.close();
        }
        log.info("Tributary standalone worker stopped");
    }


}
