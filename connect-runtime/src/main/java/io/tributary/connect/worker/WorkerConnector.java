package io.tributary.connect.worker;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

import io.tributary.connect.model.TargetState;
import io.tributary.connect.plugins.LoaderSwap;
import io.tributary.connect.model.State;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.connect.connector.Connector;
import org.apache.kafka.connect.connector.ConnectorContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connector instance. Every call into the connector runs on the connector's own thread with its
 * plugin loader, so a slow connector never holds up the herder. A started connector is stopped when
 * paused or stopped and started again on resume; a failed one stays failed until restarted.
 */
final class WorkerConnector {

    private static final Logger log = LoggerFactory.getLogger(WorkerConnector.class);

    private final String name;
    private final Map<String, String> config;
    private final Connector connector;
    private final ClassLoader loader;
    private final StatusReporter status;
    private final Consumer<String> reconfigurationRequests;
    private final ExecutorService thread;
    private final String version;
    private boolean initialized;
    private volatile boolean running;
    private volatile boolean failed;
    private volatile boolean shutDown;

    WorkerConnector(String name, Map<String, String> config, Connector connector, ClassLoader loader,
                    StatusReporter status, Consumer<String> reconfigurationRequests) {
        this.name = name;
        this.config = Map.copyOf(config);
        this.connector = connector;
        this.loader = loader;
        this.status = status;
        this.reconfigurationRequests = reconfigurationRequests;
        this.thread = Executors.newSingleThreadExecutor(runnable -> {
            Thread t = new Thread(runnable, "connector-thread-" + name);
            t.setDaemon(true);
            // Connector code on this thread looks classes and services up through the plugin's loader.
            t.setContextClassLoader(loader);
            return t;
        });
        this.version = versionOf(connector, loader);
    }

    String version() {
        return version;
    }

    Class<?> connectorClass() {
        return connector.getClass();
    }

    /** True when started and not failed: only then may it be asked for task configurations. */
    boolean isRunning() {
        return running && !failed;
    }

    /** Moves the connector to the target state; completes once it got there or failed. */
    CompletableFuture<Void> transitionTo(TargetState target) {
        return CompletableFuture.runAsync(() -> {
            if (failed || shutDown) {
                return;
            }
            try {
                if (!initialized) {
                    connector.initialize(new Context());
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
        }, thread);
    }

    /** The connector's task configurations, asked on its own thread. */
    CompletableFuture<List<Map<String, String>>> taskConfigs(int maxTasks) {
        return CompletableFuture.supplyAsync(() -> connector.taskConfigs(maxTasks), thread);
    }

    Class<?> taskClass() {
        try (LoaderSwap ignored = LoaderSwap.swapTo(loader)) {
            return connector.taskClass();
        }
    }

    /** Stops the connector for good; reports UNASSIGNED unless it failed. */
    CompletableFuture<Void> shutdown() {
        CompletableFuture<Void> done = CompletableFuture.runAsync(() -> {
            try {
                stopIfRunning();
            } catch (Throwable t) {
                log.error("Connector {} failed while stopping", name, t);
            }
            if (!failed && !shutDown) {
                status.connector(name, State.UNASSIGNED, version);
            }
            shutDown = true;
        }, thread);
        thread.shutdown();
        return done;
    }

    /**
     * Gives up on a connector that would not stop in time: it must not report any more. It is reported
     * UNASSIGNED now, on its behalf, since this worker no longer runs it whatever its thread still does.
     */
    void cancel() {
        if (!failed && !shutDown) {
            status.connector(name, State.UNASSIGNED, version);
        }
        shutDown = true;
        thread.shutdownNow();
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

    private static String versionOf(Connector connector, ClassLoader loader) {
        try (LoaderSwap ignored = LoaderSwap.swapTo(loader)) {
            return connector.version();
        } catch (Throwable t) {
            return null;
        }
    }

    /** What the connector may ask of the worker. */
    private final class Context implements ConnectorContext {

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

        @Override
        public PluginMetrics pluginMetrics() {
            return null;
        }
    }
}
