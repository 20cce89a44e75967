package io.tributary.connect.cli;

import io.tributary.connect.config.DistributedConfig;
import io.tributary.connect.herder.DistributedHerder;
import io.tributary.connect.herder.WorkerGroupMembership;
import io.tributary.connect.plugins.Plugins;
import io.tributary.connect.rest.RestServer;
import io.tributary.connect.status.GenerationStampingStatusStore;
import io.tributary.connect.status.StatusStore;
import io.tributary.connect.status.StatusStoreTopicTracker;
import io.tributary.connect.storage.KafkaConfigBackingStore;
import io.tributary.connect.worker.KafkaClusterId;
import io.tributary.connect.worker.Worker;
import org.apache.kafka.connect.connector.policy.ConnectorClientConfigOverridePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A distributed worker assembled from its properties: plugins, the REST server, the three internal-topic
 * stores, the worker, its group membership and the distributed herder. Starts them in the order Apache does
 * (REST first, answering "starting" until the herder is ready) and stops them in reverse, once.
 */
public final class DistributedWorker {

    private static final Logger log = LoggerFactory.getLogger(DistributedWorker.class);
    private static final long CLUSTER_ID_TIMEOUT_MS = 60_000;

    private final Plugins plugins;
    private final RestServer rest;
    private final DistributedHerder herder;
    private final AtomicBoolean stopped = new AtomicBoolean();

    private DistributedWorker(Plugins plugins, RestServer rest, DistributedHerder herder) {
        this.plugins = plugins;
        this.rest = rest;
        this.herder = herder;
    }

    /** Starts a worker or fails with a {@link StartupException} saying what to fix. */
    public static DistributedWorker start(Map<String, String> workerProps) {
        Plugins plugins = WorkerBootstrap.loadPlugins(workerProps);
        DistributedConfig config = WorkerBootstrap.parseConfig(plugins, workerProps, DistributedConfig::new);
        RestServer rest = new RestServer(config);
        try {
            rest.start();
        } catch (RuntimeException e) {
            plugins.close();
            throw StartupException.worker("Could not start the REST server on " + config.getList("listeners")
                    + ": " + StartupMessages.rootMessage(e), e);
        }
        try {
            DistributedHerder herder = herder(config, plugins, rest, workerProps);
            herder.start();
            rest.initializeResources(herder, plugins);
            log.info("Tributary distributed worker {} is ready in Connect group {}; REST API at {}", rest.workerId(),
                    config.groupId(), rest.advertisedUrl());
            return new DistributedWorker(plugins, rest, herder);
        } catch (RuntimeException e) {
            rest.stop();
            plugins.close();
            throw StartupException.worker(StartupMessages.rootMessage(e), e);
        }
    }

    private static DistributedHerder herder(DistributedConfig config, Plugins plugins, RestServer rest,
                                            Map<String, String> workerProps) {
        String clusterId = KafkaClusterId.lookup(config, CLUSTER_ID_TIMEOUT_MS);
        ConnectorClientConfigOverridePolicy policy =
                plugins.newConnectorClientConfigOverridePolicy(config.connectorClientPolicy());
        policy.configure(config.originals());
        InternalTopicStores stores = new InternalTopicStores(config);
        AtomicInteger generation = new AtomicInteger(-1);
        StatusStore statusStore = new GenerationStampingStatusStore(stores.statusStore(), generation::get);
        Worker worker = new Worker(rest.workerId(), clusterId, config, plugins, policy, stores.offsetStore(),
                statusStore, new StatusStoreTopicTracker(statusStore));
        KafkaConfigBackingStore configStore = stores.configStore();
        WorkerGroupMembership membership = new WorkerGroupMembership(workerProps,
                rest.advertisedUrl().toString(), configStore);
        return new DistributedHerder(config, worker, configStore, membership, generation);
    }

    /** Stops tasks (committing offsets) and connectors, leaves the group, then the REST server; safe twice. */
    public void stop() {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        log.info("Tributary distributed worker stopping");
        try {
            herder.stop();
        } finally {
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


}
