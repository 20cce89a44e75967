package io.tributary.connect.cli;

import io.tributary.connect.config.DistributedConfig;
import io.tributary.connect.herder.DistributedHerder;
import io.tributary.connect.metrics.ConnectMetrics;
import io.tributary.connect.plugins.Plugins;
import io.tributary.connect.worker.KafkaClusterId;
import org.apache.kafka.common.metrics.Metrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * A member of a distributed Connect group that has no REST API of its own: the internal-topic stores, the worker,
 * its group membership and the herder, driven by code in the same process (MirrorMaker 2's dedicated mode runs one
 * per replication flow). Assembled as {@link DistributedWorker} assembles its herder; the plugins belong to the
 * caller, who may share them between several of these.
 */
public final class HeadlessDistributedWorker {

    private static final Logger log = LoggerFactory.getLogger(HeadlessDistributedWorker.class);

    private final InternalTopicStores stores;
    private final ConnectMetrics metrics;
    private final DistributedHerder herder;
    private final AtomicBoolean stopped = new AtomicBoolean();

    private HeadlessDistributedWorker(InternalTopicStores stores, ConnectMetrics metrics, DistributedHerder herder) {
        this.stores = stores;
        this.metrics = metrics;
        this.herder = herder;
    }

    /**
     * Reads the internal topics, then joins the group; fails with a {@link StartupException} saying what to fix.
     *
     * @param advertisedUrl   where the group's other members send requests for this one (the leader's duties)
     * @param leaderReachable whether this member can send requests to the leader's advertised URL
     * @param exposeMetrics   takes the worker's metric registries once they exist
     * @param beforeStart     sees the herder before it joins the group (to register listeners on it)
     */
    public static HeadlessDistributedWorker start(Map<String, String> workerProps, Plugins plugins, String workerId,
                                                  String advertisedUrl, boolean leaderReachable,
                                                  Consumer<List<Metrics>> exposeMetrics,
                                                  Consumer<DistributedHerder> beforeStart) {
        DistributedConfig config = WorkerBootstrap.parseConfig(plugins, workerProps, DistributedConfig::new);
        InternalTopicStores stores = new InternalTopicStores(config);
        ConnectMetrics metrics = null;
        try {
            String clusterId = KafkaClusterId.lookup(config, DistributedWorker.CLUSTER_ID_TIMEOUT_MS);
            stores.startAfter(CompletableFuture.completedFuture(clusterId));
            TransactionSupportCheck.verify(config);
            metrics = WorkerBootstrap.metrics(plugins, workerId, config, clusterId);
            DistributedHerder herder = DistributedWorker.herder(config, plugins, workerId, advertisedUrl,
                    exposeMetrics, workerProps, clusterId, stores, metrics, leaderReachable);
            beforeStart.accept(herder);
            stores.awaitStarted();
            herder.start();
            log.info("Worker {} started in Connect group {}", workerId, config.groupId());
            return new HeadlessDistributedWorker(stores, metrics, herder);
        } catch (RuntimeException e) {
            stores.stop();
            if (metrics != null) {
                metrics.close();
            }
            throw StartupException.worker(StartupMessages.rootMessage(e), e);
        }
    }

    public DistributedHerder herder() {
        return herder;
    }

    /** Stops tasks (committing offsets) and connectors, leaves the group, then the stores; safe twice. */
    public void stop() {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        try {
            herder.stop();
        } finally {
            stores.stop();
            metrics.close();
        }
    }
}
