package io.tributary.connect.cli;

import io.tributary.connect.config.DistributedConfig;
import io.tributary.connect.distributed.GroupGeneration;
import io.tributary.connect.herder.DistributedHerder;
import io.tributary.connect.herder.WorkerGroupMembership;
import io.tributary.connect.metrics.ConnectMetrics;
import io.tributary.connect.plugins.Plugins;
import io.tributary.connect.rest.RestServer;
import io.tributary.connect.status.GenerationStampingStatusStore;
import io.tributary.connect.status.StatusStore;
import io.tributary.connect.status.StatusStoreTopicTracker;
import io.tributary.connect.storage.KafkaConfigBackingStore;
import io.tributary.connect.worker.KafkaClusterId;
import io.tributary.connect.worker.Worker;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.connect.connector.policy.ConnectorClientConfigOverridePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.function.Consumer;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A distributed worker assembled from its properties: plugins, the REST server, the three internal-topic
 * stores, the worker, its group membership and the distributed herder. Starts them in the order Apache does
 * (REST first, answering "starting" until the herder is ready) and stops them in reverse, once.
 */
public final class DistributedWorker {

    private static final Logger log = LoggerFactory.getLogger(DistributedWorker.class);
    static final long CLUSTER_ID_TIMEOUT_MS = 60_000;

    private final Plugins plugins;
    private final RestServer rest;
    private final InternalTopicStores stores;
    private final ConnectMetrics metrics;
    private final DistributedHerder herder;
    private final AtomicBoolean stopped = new AtomicBoolean();

    private DistributedWorker(Plugins plugins, RestServer rest, InternalTopicStores stores, ConnectMetrics metrics,
                              DistributedHerder herder) {
        this.plugins = plugins;
        this.rest = rest;
        this.stores = stores;
        this.metrics = metrics;
        this.herder = herder;
    }

    /**
     * Starts a worker or fails with a {@link StartupException} saying what to fix. Plugin discovery, the longest
     * step, runs beside the REST server's start and the first Kafka work (cluster id, reading the three
     * internal topics), which need only settings that parse without plugins. When the settings do not parse without
     * plugins (a converter named by alias, say), the steps run one after the other instead.
     */
    public static DistributedWorker start(Map<String, String> workerProps) {
        CompletableFuture<Plugins> pluginsLoading =
                StartupThreads.supply("plugin-discovery", () -> WorkerBootstrap.loadPlugins(workerProps));
        Optional<DistributedConfig> early = WorkerBootstrap.parseWithoutPlugins(workerProps, DistributedConfig::new);
        if (early.isEmpty()) {
            Plugins plugins = StartupThreads.await(pluginsLoading);
            DistributedConfig config;
            try {
                config = WorkerBootstrap.parseConfig(plugins, workerProps, DistributedConfig::new);
            } catch (RuntimeException e) {
                plugins.close();
                throw e;
            }
            RestServer rest = startRest(config, plugins);
            CompletableFuture<String> clusterId = lookupClusterId(config);
            InternalTopicStores stores = new InternalTopicStores(config);
            stores.startAfter(clusterId);
            return start(config, plugins, rest, workerProps, clusterId, stores);
        }
        DistributedConfig earlyConfig = early.get();
        CompletableFuture<String> clusterId =
                StartupThreads.supply("cluster-id-lookup", () -> KafkaClusterId.lookup(earlyConfig, CLUSTER_ID_TIMEOUT_MS));
        InternalTopicStores stores = new InternalTopicStores(earlyConfig);
        stores.startAfter(clusterId);
        RestServer rest;
        try {
            rest = startRest(earlyConfig, null);
        } catch (RuntimeException e) {
            stores.stop();
            pluginsLoading.thenAccept(Plugins::close);
            throw e;
        }
        Plugins plugins;
        try {
            plugins = StartupThreads.await(pluginsLoading);
        } catch (RuntimeException e) {
            stores.stop();
            rest.stop();
            throw e;
        }
        DistributedConfig config;
        try {
            config = WorkerBootstrap.parseConfig(plugins, workerProps, DistributedConfig::new);
        } catch (RuntimeException e) {
            stores.stop();
            rest.stop();
            plugins.close();
            throw e;
        }
        return start(config, plugins, rest, workerProps, clusterId, stores);
    }

    private static DistributedWorker start(DistributedConfig config, Plugins plugins, RestServer rest,
                                           Map<String, String> workerProps, CompletableFuture<String> clusterId,
                                           InternalTopicStores stores) {
        ConnectMetrics metrics = null;
        try {
            String kafkaClusterId = StartupThreads.await(clusterId);
            TransactionSupportCheck.verify(config);
            metrics = WorkerBootstrap.metrics(plugins, rest.workerId(), config, kafkaClusterId);
            rest.exposeMetrics(metrics);
            DistributedHerder herder = herder(config, plugins, rest.workerId(), rest.advertisedUrl().toString(),
                    rest::exposeMetrics, workerProps, kafkaClusterId, stores, metrics, true);
            stores.awaitStarted();
            herder.start();
            initializeResources(rest, herder, plugins);
            log.info("Tributary distributed worker {} is ready in Connect group {}; REST API at {}", rest.workerId(),
                    config.groupId(), rest.advertisedUrl());
            return new DistributedWorker(plugins, rest, stores, metrics, herder);
        } catch (RuntimeException e) {
            stores.stop();
            if (metrics != null) {
                metrics.close();
            }
            rest.stop();
            plugins.close();
            throw StartupException.worker(StartupMessages.rootMessage(e), e);
        }
    }

    /** @param plugins closed if the server cannot start; null while they are still loading */
    private static RestServer startRest(DistributedConfig config, Plugins plugins) {
        try {
            // Building the server reads the listeners and their TLS keystores: a mistake there is reported here too.
            RestServer rest = new RestServer(config, WorkerBootstrap.TIME);
            rest.start();
            return rest;
        } catch (RuntimeException e) {
            if (plugins != null) {
                plugins.close();
            }
            throw StartupException.worker("Could not start the REST server on " + config.getList("listeners")
                    + ": " + StartupMessages.rootMessage(e), e);
        }
    }

    /** Already complete: the sequential path looks the id up in place, failing as the herder's start would. */
    private static CompletableFuture<String> lookupClusterId(DistributedConfig config) {
        try {
            return CompletableFuture.completedFuture(KafkaClusterId.lookup(config, CLUSTER_ID_TIMEOUT_MS));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * The worker, its group membership and the herder over the started stores.
     *
     * @param advertisedUrl   where the other workers of the group send this worker requests
     * @param exposeMetrics   takes the worker's registries (the worker's own, the group member's) to publish
     * @param leaderReachable whether requests for the leader can be sent to it (see {@link DistributedHerder})
     */
    static DistributedHerder herder(DistributedConfig config, Plugins plugins, String workerId, String advertisedUrl,
                                    Consumer<List<Metrics>> exposeMetrics, Map<String, String> workerProps,
                                    String clusterId, InternalTopicStores stores, ConnectMetrics metrics,
                                    boolean leaderReachable) {
        ConnectorClientConfigOverridePolicy policy =
                plugins.newConnectorClientConfigOverridePolicy(config.connectorClientPolicy());
        policy.configure(config.originals());
        GroupGeneration generation = new GroupGeneration();
        StatusStore statusStore = new GenerationStampingStatusStore(stores.statusStore(), generation);
        Worker worker = new Worker(workerId, clusterId, config, plugins, policy, stores.offsetStore(),
                statusStore, new StatusStoreTopicTracker(statusStore, WorkerBootstrap.TIME), metrics,
                WorkerBootstrap.TIME);
        KafkaConfigBackingStore configStore = stores.configStore();
        WorkerGroupMembership membership = new WorkerGroupMembership(workerProps, advertisedUrl, configStore,
                WorkerBootstrap.TIME);
        // The group member keeps its coordinator metrics in a registry of its own, as Kafka Connect's does.
        exposeMetrics.accept(List.of(metrics.registry(), membership.metrics()));
        return new DistributedHerder(config, worker, configStore, membership, generation, WorkerBootstrap.TIME,
                leaderReachable);
    }

    /** A REST extension that cannot load fails the start; the herder, started already, is stopped again. */
    private static void initializeResources(RestServer rest, DistributedHerder herder, Plugins plugins) {
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

    /**
     * Stops tasks (committing offsets) and connectors, leaves the group, then the stores and the REST server;
     * safe twice.
     */
    public void stop() {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        log.info("Tributary distributed worker stopping");
        try {
            herder.stop();
        } finally {
            stores.stop();
            metrics.close();
            rest.stop();
            plugins.close();
        }
        log.info("Tributary distributed worker stopped");
    }

    public DistributedHerder herder() {
        return herder;
    }

    public RestServer rest() {
        return rest;
    }

    /** The worker's metrics registry; closed when the worker stops. */
    public ConnectMetrics metrics() {
        return metrics;
    }


}
