package io.tributary.connect.worker;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import io.tributary.connect.metrics.PluginMetricsFactory;
import io.tributary.connect.model.TargetState;
import io.tributary.connect.model.State;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.common.metrics.internals.PluginMetricsImpl;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.connect.connector.Connector;
import org.apache.kafka.connect.connector.ConnectorContext;
import org.apache.kafka.connect.sink.SinkConnector;
import org.apache.kafka.connect.sink.SinkConnectorContext;
import org.apache.kafka.connect.source.SourceConnector;
import org.apache.kafka.connect.source.SourceConnectorContext;
import org.apache.kafka.connect.storage.OffsetStorageReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connector instance. Every call into the connector runs in the connector's own lane of the worker's
 * {@link PluginCallExecutor}, with its plugin loader: one call at a time, in the order asked, and never on the
 * caller's thread, so a slow connector never holds up the herder. A started connector is stopped when paused
 * or stopped and started again on resume; a failed one stays failed until restarted.
 */
final class WorkerConnector {

    private static final Logger log = LoggerFactory.getLogger(WorkerConnector.class);

    private final String name;
    private final Map<String, String> config;
    private final Connector connector;
    private final ClassLoader loader;
    private final StatusReporter status;
    private final Consumer<String> reconfigurationRequests;
    private final PluginCallExecutor.Lane calls;
    private final PluginMetricsImpl pluginMetrics;
    private final OffsetStorageReader sourceOffsets;
    // Asked as the lane's first call; every status report comes from a later call, so it is known by then.
    private volatile String version;
    private boolean initialized;
    private volatile boolean running;
    private volatile boolean failed;
    private volatile boolean shutDown;

    WorkerConnector(String name, Map<String, String> config, Connector connector, ClassLoader loader,
                    StatusReporter status, Consumer<String> reconfigurationRequests, PluginCallExecutor executor,
                    PluginMetricsFactory pluginMetrics, OffsetStorageReader sourceOffsets) {
        this.name = name;
        this.config = Map.copyOf(config);
        this.connector = connector;
        this.loader = loader;
        this.status = status;
        this.reconfigurationRequests = reconfigurationRequests;
        this.calls = executor.lane();
        this.sourceOffsets = sourceOffsets;
        this.pluginMetrics = pluginMetrics.forConnector(name);
        calls.call("version() of connector " + name, loader, PluginCallExecutor.NO_DEADLINE, () -> {
            version = versionOf(connector);
            return null;
        });
    }

    String version() {
        return version;
    }

    Class<?> connectorClass() {
        return connector.getClass();
    }

    boolean hasFailed() {
        return failed;
    }

    /** True when started and not failed: only then may it be asked for task configurations. */
    boolean isRunning() {
        return running && !failed;
    }

    /**
     * Moves the connector to the target state; completes once it got there or failed. No deadline: a connector
     * may take its time to start, as before, and stopping is bounded by the worker's graceful shutdown timeout.
     */
    CompletableFuture<Void> transitionTo(TargetState target) {
        return calls.call("Transition of connector " + name + " to " + target, loader, PluginCallExecutor.NO_DEADLINE,
                () -> {
            if (failed || shutDown) {
                return null;
            }
            try {
                if (!initialized) {
                    connector.initialize(newContext());
                    initialized = true;
                }
                switch (target) {
                    case STARTED -> {
                        if (!running) {
                            connector.start(config);
                            running = true;
                        }
                        status.connector(name, State.RUNNING, version);
                    }
                    case PAUSED -> {
                        stopIfRunning();
                        status.connector(name, State.PAUSED, version);
                    }
                    case STOPPED -> {
                        stopIfRunning();
                        status.connector(name, State.STOPPED, version);
                    }
                }
                log.info("Connector {} is now {}", name, target);
            } catch (Throwable t) {
                fail(t);
            }
            return null;
        });
    }

    /** The connector's task class and task configurations, asked in its lane like its other calls. */
    CompletableFuture<GeneratedTasks> taskConfigs(int maxTasks) {
        return calls.call("taskConfigs() of connector " + name, loader, PluginCallExecutor.NO_DEADLINE,
                () -> new GeneratedTasks(connector.taskClass(), connector.taskConfigs(maxTasks)));
    }

    /** Stops the connector for good; reports UNASSIGNED unless it failed. */
    CompletableFuture<Void> shutdown() {
        CompletableFuture<Void> done = calls.call("Shutdown of connector " + name, loader,
                PluginCallExecutor.NO_DEADLINE, () -> {
            try {
                stopIfRunning();
            } catch (Throwable t) {
                log.error("Connector {} failed while stopping", name, t);
            }
            if (!failed && !shutDown) {
                status.connector(name, State.UNASSIGNED, version);
            }
            shutDown = true;
            removePluginMetrics();
            return null;
        });
        calls.close("connector " + name + " was shut down");
        return done;
    }

    /**
     * Gives up on a connector that would not stop in time: it must not report any more. It is reported
     * UNASSIGNED now, on its behalf, since this worker no longer runs it whatever its call still does.
     */
    void cancel() {
        if (!failed && !shutDown) {
            status.connector(name, State.UNASSIGNED, version);
        }
        shutDown = true;
        calls.cancel("connector " + name + " was abandoned");
        removePluginMetrics();
    }

    /** The connector's own metrics go with the instance; registering more afterwards fails in the connector. */
    private void removePluginMetrics() {
        Utils.closeQuietly(pluginMetrics, "plugin metrics of connector " + name);
    }

    private void stopIfRunning() {
        if (running) {
            running = false;
            connector.stop();
        }
    }

    private void fail(Throwable t) {
        failed = true;
        log.error("Connector {} failed and will not run again until it is restarted", name, t);
        if (!shutDown) {
            status.connectorFailed(name, t, version);
        }
    }

    private static String versionOf(Connector connector) {
        try {
            return connector.version();
        } catch (Throwable t) {
            return null;
        }
    }

    /** What a connector answered when asked for its tasks. */
    record GeneratedTasks(Class<?> taskClass, List<Map<String, String>> configs) {
    }

    /** Source and sink connectors cast their context to the kind's own interface, so each gets that kind. */
    private Context newContext() {
        if (connector instanceof SourceConnector) {
            return new SourceContext();
        }
        if (connector instanceof SinkConnector) {
            return new SinkContext();
        }
        return new Context();
    }

    /** What the connector may ask of the worker. */
    private class Context implements ConnectorContext {

        @Override
        public void requestTaskReconfiguration() {
            if (!shutDown) {
                reconfigurationRequests.accept(name);
            }
        }

        @Override
        public void raiseError(Exception e) {
            fail(e);
        }

        /** Metrics the connector registers here are tagged with its name (KIP-877). */
        @Override
        public PluginMetrics pluginMetrics() {
            return pluginMetrics;
        }
    }

    private final class SourceContext extends Context implements SourceConnectorContext {

        /** The offsets its tasks committed, e.g. to plan task configurations around them. */
        @Override
        public OffsetStorageReader offsetStorageReader() {
            return sourceOffsets;
        }
    }

    private final class SinkContext extends Context implements SinkConnectorContext {
    }
}
