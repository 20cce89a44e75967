package io.tributary.connect.cli;

import io.tributary.connect.config.StandaloneConfig;
import io.tributary.connect.herder.RequestContext;
import io.tributary.connect.metrics.ConnectMetrics;
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
 * A standalone worker assembled from its properties: plugins, the REST server, the worker with its file offset
 * store, and the standalone herder that owns the connectors. Starts them in the order Apache does (REST first,
 * answering "starting" until the herder is ready) and stops them in reverse, once. It owns the offset and status
 * stores: started before the herder, stopped after it.
 */
public final class StandaloneWorker {

    private static final Logger log = LoggerFactory.getLogger(StandaloneWorker.class);
    private static final long CLUSTER_ID_TIMEOUT_MS = 60_000;
    private static final long CONNECTOR_CREATE_TIMEOUT_MS = 120_000;

    private final Plugins plugins;
    private final boolean ownsPlugins;
    private final RestServer rest;
    private final Stores stores;
    private final ConnectMetrics metrics;
    private final StandaloneHerder herder;
    private final AtomicBoolean stopped = new AtomicBoolean();

    private StandaloneWorker(Plugins plugins, boolean ownsPlugins, RestServer rest, Stores stores,
                             ConnectMetrics metrics, StandaloneHerder herder) {
        this.plugins = plugins;
        this.ownsPlugins = ownsPlugins;
        this.rest = rest;
        this.stores = stores;
        this.metrics = metrics;
        this.herder = herder;
    }

    /** The offsets in the file the worker config names, and statuses in memory. */
    private record Stores(FileOffsetBackingStore offsets, MemoryStatusStore statuses) {

        void start() {
            offsets.start();
            statuses.start();
        }

        void stop() {
            statuses.stop();
            offsets.stop();
        }
    }

    /** Starts a worker with the plugins its config names, or fails with a {@link StartupException}. */
    public static StandaloneWorker start(Map<String, String> workerProps) {
        return start(workerProps, WorkerBootstrap.loadPlugins(workerProps), true);
    }

    /**
     * Starts a worker on plugins loaded already (tests share one set between workers); the caller keeps them
     * and closes them after the worker stopped.
     */
    public static StandaloneWorker start(Map<String, String> workerProps, Plugins plugins) {
        return start(workerProps, plugins, false);
    }

    private static StandaloneWorker start(Map<String, String> workerProps, Plugins plugins, boolean ownsPlugins) {
        StandaloneConfig config;
        try {
            config = WorkerBootstrap.parseConfig(plugins, workerProps, StandaloneConfig::new);
        } catch (RuntimeException e) {
            closeIfOwned(plugins, ownsPlugins);
            throw e;
        }
        RestServer rest;
        try {
            rest = new RestServer(config, WorkerBootstrap.TIME);
            rest.start();
        } catch (RuntimeException e) {
            closeIfOwned(plugins, ownsPlugins);
            throw StartupException.worker("Could not start the REST server on " + config.getList("listeners")
                    + ": " + StartupMessages.rootMessage(e), e);
        }
        Stores stores = new Stores(new FileOffsetBackingStore(Path.of(config.offsetStorageFile())),
                new MemoryStatusStore());
        ConnectMetrics metrics = null;
        try {
            String clusterId = KafkaClusterId.lookup(config, CLUSTER_ID_TIMEOUT_MS);
            metrics = WorkerBootstrap.metrics(plugins, rest.workerId(), config, clusterId);
            rest.exposeMetrics(metrics);
            ConnectorClientConfigOverridePolicy policy =
                    plugins.newConnectorClientConfigOverridePolicy(config.connectorClientPolicy());
            policy.configure(config.originals());
            Worker worker = new Worker(rest.workerId(), clusterId, config, plugins, policy, stores.offsets(),
                    stores.statuses(), metrics, WorkerBootstrap.TIME);
            StandaloneHerder herder = new StandaloneHerder(worker);
            stores.start();
            herder.start();
            initializeResources(rest, herder, plugins);
            log.info("Tributary standalone worker {} is ready; REST API at {}", rest.workerId(), rest.advertisedUrl());
            return new StandaloneWorker(plugins, ownsPlugins, rest, stores, metrics, herder);
        } catch (RuntimeException e) {
            stores.stop();
            if (metrics != null) {
                metrics.close();
            }
            rest.stop();
            closeIfOwned(plugins, ownsPlugins);
            throw StartupException.worker(StartupMessages.rootMessage(e), e);
        }
    }

    private static void closeIfOwned(Plugins plugins, boolean owned) {
        if (owned) {
            plugins.close();
        }
    }

    public StandaloneHerder herder() {
        return herder;
    }

    public RestServer rest() {
        return rest;
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

    /** A REST extension that cannot load fails the start; the herder, started already, is stopped again. */
    private static void initializeResources(RestServer rest, StandaloneHerder herder, Plugins plugins) {
        try {
            rest.initializeResources(herder, plugins);
        } catch (RuntimeException e) {
            try {
                herder.stop();
            } catch (RuntimeException stopFailure) {
                e.addSuppressed(stopFailure);
            }
            throw e;
        }
    }

    /** Stops connectors and tasks (committing offsets), then the stores and the REST server; safe twice. */
    public void stop() {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        log.info("Tributary standalone worker stopping");
        try {
            herder.stop();
        } finally {
            stores.stop();
            metrics.close();
            rest.stop();
            closeIfOwned(plugins, ownsPlugins);
        }
        log.info("Tributary standalone worker stopped");
    }


}
