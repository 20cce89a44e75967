package io.tributary.connect.worker;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.function.Supplier;

import io.tributary.connect.config.ConnectorClientOverrides;
import io.tributary.connect.config.SinkConnectorConfig;
import io.tributary.connect.config.SourceConnectorConfig;
import io.tributary.connect.config.WorkerClientConfigs;
import io.tributary.connect.plugins.Plugins;
import io.tributary.connect.model.ConnectorOffsets;
import io.tributary.connect.model.Message;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.connector.Connector;
import org.apache.kafka.connect.connector.policy.ConnectorClientConfigOverridePolicy;
import org.apache.kafka.connect.connector.policy.ConnectorClientConfigRequest;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.health.ConnectorType;
import org.apache.kafka.connect.sink.SinkConnector;
import org.apache.kafka.connect.source.SourceConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads, alters and resets a connector's offsets (KIP-875): a source's in the offset store, a sink's in its
 * consumer group. Before changing anything the connector's {@code alterOffsets} hook sees the change, on a
 * fresh instance of the connector that is never started; its answer decides the message given back.
 * Nothing runs on the caller's (the herder's) thread: the hook is plugin code and runs on the worker's
 * {@link PluginCallExecutor} within the request's deadline; reading and writing offsets runs on this class's
 * threads.
 */
final class ConnectorOffsetsManager {

    private static final Logger log = LoggerFactory.getLogger(ConnectorOffsetsManager.class);

    private final Plugins plugins;
    private final WorkerClientConfigs clients;
    private final ConnectorClientConfigOverridePolicy overridePolicy;
    private final SourceConnectorOffsets sourceOffsets;
    private final PluginCallExecutor pluginCalls;
    private final ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "connector-offsets");
        thread.setDaemon(true);
        return thread;
    });

    /** @param exactlyOnce whether source offsets are written in transactions (exactly-once source support) */
    ConnectorOffsetsManager(Plugins plugins, WorkerClientConfigs clients,
                            ConnectorClientConfigOverridePolicy overridePolicy, ConnectorOffsetStores offsetStores,
                            PluginCallExecutor pluginCalls, boolean exactlyOnce) {
        this.plugins = plugins;
        this.clients = clients;
        this.overridePolicy = overridePolicy;
        this.sourceOffsets = new SourceConnectorOffsets(offsetStores, clients, exactlyOnce);
        this.pluginCalls = pluginCalls;
    }

    CompletableFuture<ConnectorOffsets> offsets(String connector, Map<String, String> config) {
        if (isSink(config)) {
            return async(() -> sinkOffsets(connector, config).read()).thenApply(ConnectorOffsets::new);
        }
        return CompletableFuture.supplyAsync(() -> sourceOffsets.read(connector, sourceConfig(config),
                sourceOverrides(config)), executor).thenApply(ConnectorOffsets::new);
    }

    CompletableFuture<Message> alterSourceOffsets(String connector, Map<String, String> config,
                                                  Map<Map<String, ?>, Map<String, ?>> offsets, Duration deadline) {
        return askSource(connector, config, offsets, deadline).thenApplyAsync(managedByConnector -> {
            sourceOffsets.write(connector, sourceConfig(config), sourceOverrides(config), offsets);
            return altered(managedByConnector);
        }, executor);
    }

    CompletableFuture<Message> alterSinkOffsets(String connector, Map<String, String> config,
                                                Map<TopicPartition, Long> offsets, Duration deadline) {
        return askSink(connector, config, offsets, deadline).thenComposeAsync(managedByConnector ->
                sinkOffsets(connector, config).alter(offsets).thenApply(ignored -> altered(managedByConnector)),
                executor);
    }

    CompletableFuture<Message> resetOffsets(String connector, Map<String, String> config, Duration deadline) {
        if (isSink(config)) {
            SinkConnectorOffsets sink = sinkOffsets(connector, config);
            return async(sink::committedPartitions).thenCompose(partitions -> {
                Map<TopicPartition, Long> removed = new HashMap<>();
                partitions.forEach(partition -> removed.put(partition, null));
                return askSink(connector, config, removed, deadline);
            }).thenComposeAsync(managedByConnector -> sink.reset().thenApply(ignored -> reset(managedByConnector)),
                    executor);
        }
        CompletableFuture<Map<Map<String, ?>, Map<String, ?>>> removed = CompletableFuture.supplyAsync(
                () -> sourceOffsets.read(connector, sourceConfig(config), sourceOverrides(config)), executor)
                .thenApply(SourceConnectorOffsets::nullOffsets);
        return removed.thenCompose(offsets -> askSource(connector, config, offsets, deadline)
                .thenApplyAsync(managedByConnector -> {
                    sourceOffsets.write(connector, sourceConfig(config), sourceOverrides(config), offsets);
                    return reset(managedByConnector);
                }, executor));
    }

    private static SourceConnectorConfig sourceConfig(Map<String, String> config) {
        return SourceConnectorConfig.withResolvedValues(config);
    }

    private ConnectorClientOverrides sourceOverrides(Map<String, String> config) {
        return ConnectorClientOverrides.of(sourceConfig(config), plugins.connectorClass(config.get("connector.class")),
                ConnectorType.SOURCE, overridePolicy);
    }

    void close() {
        executor.shutdownNow();
    }

    private CompletableFuture<Boolean> askSource(String connector, Map<String, String> config,
                                                 Map<Map<String, ?>, Map<String, ?>> offsets, Duration deadline) {
        return ask(connector, config, "source", deadline,
                instance -> ((SourceConnector) instance).alterOffsets(config, offsets));
    }

    private CompletableFuture<Boolean> askSink(String connector, Map<String, String> config,
                                               Map<TopicPartition, Long> offsets, Duration deadline) {
        return ask(connector, config, "sink", deadline,
                instance -> ((SinkConnector) instance).alterOffsets(config, offsets));
    }

    /**
     * Calls the connector's hook. True means the connector also changed offsets it keeps elsewhere; a
     * connector that refuses (UnsupportedOperationException) or fails stops the request before anything changes.
     */
    private CompletableFuture<Boolean> ask(String connector, Map<String, String> config, String kind, Duration deadline,
                                           Function<Connector, Boolean> hook) {
        String className = config.get("connector.class");
        ClassLoader loader;
        try {
            loader = plugins.pluginLoader(className);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return pluginCalls.call("alterOffsets() of connector " + connector, loader, deadline, () -> {
            try {
                return hook.apply(plugins.newConnector(className));
            } catch (UnsupportedOperationException e) {
                throw new ConnectException("Failed to modify offsets for connector " + connector
                        + " because it doesn't support external modification of offsets", e);
            } catch (ConnectException e) {
                log.error("Connector {} refused the offsets change", connector, e);
                throw e;
            } catch (RuntimeException e) {
                log.error("Failed to modify offsets for {} connector {}", kind, connector, e);
                throw new ConnectException("Failed to modify offsets for " + kind + " connector " + connector, e);
            }
        });
    }

    private SinkConnectorOffsets sinkOffsets(String connector, Map<String, String> config) {
        SinkConnectorConfig sinkConfig = new SinkConnectorConfig(config);
        ConnectorClientOverrides overrides = ConnectorClientOverrides.of(sinkConfig,
                plugins.connectorClass(config.get("connector.class")), ConnectorType.SINK, overridePolicy);
        Map<String, Object> consumerOverrides = overrides.forClient(
                ConnectorClientConfigRequest.ClientType.CONSUMER);
        Object groupId = consumerOverrides.getOrDefault("group.id",
                WorkerClientConfigs.sinkConsumerGroupId(connector));
        return new SinkConnectorOffsets(
                () -> Admin.create(clients.admin("connector-adminclient-" + connector, overrides)),
                connector, groupId.toString(), executor);
    }

    private boolean isSink(Map<String, String> config) {
        return SinkConnector.class.isAssignableFrom(plugins.connectorClass(config.get("connector.class")));
    }

    private <T> CompletableFuture<T> async(Supplier<CompletableFuture<T>> work) {
        return CompletableFuture.supplyAsync(work, executor).thenCompose(Function.identity());
    }

    private static Message altered(boolean managedByConnector) {
        return new Message(managedByConnector
                ? "The offsets for this connector have been altered successfully"
                : "The Connect framework-managed offsets for this connector have been altered successfully. "
                + "However, if this connector manages offsets externally, they will need to be manually altered "
                + "in the system that the connector uses.");
    }

    private static Message reset(boolean managedByConnector) {
        return new Message(managedByConnector
                ? "The offsets for this connector have been reset successfully"
                : "The Connect framework-managed offsets for this connector have been reset successfully. "
                + "However, if this connector manages offsets externally, they will need to be manually reset "
                + "in the system that the connector uses.");
    }
}
