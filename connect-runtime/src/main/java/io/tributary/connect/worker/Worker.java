package io.tributary.connect.worker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import io.tributary.connect.config.ConnectorClientOverrides;
import io.tributary.connect.config.ConnectorConfig;
import io.tributary.connect.config.SourceConnectorConfig;
import io.tributary.connect.config.SinkConnectorConfig;
import io.tributary.connect.config.WorkerClientConfigs;
import io.tributary.connect.config.WorkerConfig;
import io.tributary.connect.metrics.ConnectMetrics;
import io.tributary.connect.metrics.PluginMetricsFactory;
import io.tributary.connect.model.ConnectorTaskId;
import io.tributary.connect.model.TargetState;
import io.tributary.connect.plugins.Plugins;
import io.tributary.connect.model.ConnectorOffsets;
import io.tributary.connect.model.Message;
import io.tributary.connect.model.State;
import io.tributary.connect.status.StatusStore;
import io.tributary.connect.status.StatusStoreTopicTracker;
import io.tributary.connect.storage.OffsetBackingStore;
import io.tributary.connect.storage.OffsetCodec;
import io.tributary.connect.storage.StoredOffsetReader;
import io.tributary.connect.status.TopicStatusStore;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.connect.connector.Connector;
import org.apache.kafka.connect.connector.policy.ConnectorClientConfigOverridePolicy;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.health.ConnectorType;
import org.apache.kafka.connect.sink.SinkConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs this process's connector and task instances: each task on its own thread, connector calls and
 * other plugin calls on its {@link PluginCallExecutor}. It holds no configuration of its own; the herder
 * tells it what to run.
 */
public final class Worker {

    private static final Logger log = LoggerFactory.getLogger(Worker.class);

    private final String workerId;
    private final String kafkaClusterId;
    private final WorkerConfig config;
    private final Plugins plugins;
    private final OffsetBackingStore offsetStore;
    private final StatusStore statusStore;
    private final StatusReporter status;
    private final TaskFactory taskFactory;
    private final WorkerClientConfigs clients;
    private final ZombieProducers zombies;
    private final SourceTaskOffsetCommitter offsetCommitter;
    private final TopicStatusStore topicStatus;
    private final ConnectorOffsetsManager offsets;
    private final ConnectorConfigResolver configResolver;
    private final ConnectorClientConfigOverridePolicy overridePolicy;
    private final Time time;
    private final PluginCallExecutor pluginCalls;
    private final ConnectMetrics metrics;
    private final PluginMetricsFactory pluginMetrics;
    private final Map<String, WorkerConnector> connectors = new ConcurrentHashMap<>();
    private final Map<ConnectorTaskId, WorkerTask> tasks = new ConcurrentHashMap<>();
    /** Offset stores of source connectors with a topic of their own, read through their contexts. */
    private final Map<String, OffsetBackingStore> connectorReaders = new ConcurrentHashMap<>();
    private final ConnectorOffsetStores offsetStores;
    // Instances reported FAILED from outside their own calls (creation, task configs), until started again.
    private final Set<String> connectorsReportedFailed = ConcurrentHashMap.newKeySet();
    private final Set<ConnectorTaskId> tasksFailedToCreate = ConcurrentHashMap.newKeySet();
    private final WorkerMetrics workerMetrics;
    /** Per connector asked to run here, whether or not its instance could be created. */
    private final Map<String, ConnectorMetrics> connectorMetrics = new ConcurrentHashMap<>();

    /**
     * @param workerId       the id reported in statuses (standalone: the REST advertised host:port)
     * @param kafkaClusterId the id of the Kafka cluster, looked up once (see {@link KafkaClusterId})
     * @param overridePolicy decides which {@code *.override.*} client settings connectors may use
     * @param time           the clock of the worker and of every task it runs
     */
    public Worker(String workerId, String kafkaClusterId, WorkerConfig config, Plugins plugins,
                  ConnectorClientConfigOverridePolicy overridePolicy, OffsetBackingStore offsetStore,
                  StatusStore statusStore, ConnectMetrics metrics, Time time) {
        this(workerId, kafkaClusterId, config, plugins, overridePolicy, offsetStore, statusStore,
                new StatusStoreTopicTracker(statusStore, time), metrics, time);
    }

    /** @param topicStatus where tasks record the topics they use (otherwise: beside the statuses) */
    public Worker(String workerId, String kafkaClusterId, WorkerConfig config, Plugins plugins,
                  ConnectorClientConfigOverridePolicy overridePolicy, OffsetBackingStore offsetStore,
                  StatusStore statusStore, TopicStatusStore topicStatus, ConnectMetrics metrics, Time time) {
        this.workerId = workerId;
        this.metrics = metrics;
        this.pluginMetrics = new PluginMetricsFactory(metrics.registry());
        this.kafkaClusterId = kafkaClusterId;
        this.config = config;
        this.plugins = plugins;
        this.offsetStore = offsetStore;
        this.statusStore = statusStore;
        this.workerMetrics = new WorkerMetrics(metrics, connectors::size, tasks::size);
        this.status = new StatusReporter(statusStore, workerId, new MetricsObserver());
        this.topicStatus = topicStatus;
        this.clients = new WorkerClientConfigs(config, kafkaClusterId);
        this.zombies = new ZombieProducers(clients, config.groupId());
        this.taskFactory = new TaskFactory(config, plugins, clients, overridePolicy, offsetStore, status, topicStatus,
                metrics.registry(), pluginMetrics, time);
        this.pluginCalls = new PluginCallExecutor(time);
        this.offsetStores = new ConnectorOffsetStores(config, clients, offsetStore, time);
        this.offsets = new ConnectorOffsetsManager(plugins, clients, overridePolicy, offsetStores, pluginCalls,
                config.exactlyOnceSourceEnabled());
        this.offsetCommitter = new SourceTaskOffsetCommitter(config.offsetCommitInterval(), time);
        this.overridePolicy = overridePolicy;
        this.time = time;
        this.configResolver = ConnectorConfigResolver.fromWorkerConfig(config, plugins);
    }

    /** The offset and status stores are started by their owner before the worker, and stopped after it. */
    public void start() {
        log.info("Worker {} started", workerId);
    }

    /** Stops every task and connector (committing offsets). */
    public void stop() {
        stopAndAwaitTasks(new ArrayList<>(tasks.keySet()));
        stopAndAwaitConnectors(new ArrayList<>(connectors.keySet()));
        offsetCommitter.close();
        taskFactory.close();
        offsets.close();
        pluginCalls.close();
        configResolver.close();
        connectorMetrics.values().forEach(ConnectorMetrics::close);
        connectorMetrics.clear();
        workerMetrics.close();
        log.info("Worker {} stopped", workerId);
    }

    /** Tells {@code listener} of every state this worker's instances report from now on (one listener). */
    public void listenToInstanceStates(InstanceStateListener listener) {
        status.listen(listener);
    }

    /**
     * True when the connector on this worker failed (in its own calls, its creation or its task configs) and was
     * not started again since.
     */
    public boolean isConnectorFailed(String name) {
        WorkerConnector connector = connectors.get(name);
        return connectorsReportedFailed.contains(name) || connector != null && connector.hasFailed();
    }

    /** True when the task instance on this worker failed (or could not be created) and was not restarted since. */
    public boolean isTaskFailed(ConnectorTaskId id) {
        WorkerTask task = tasks.get(id);
        return task == null ? tasksFailedToCreate.contains(id) : task.hasFailed();
    }

    public Time time() {
        return time;
    }

    /** The worker's metrics registry; owned by whoever built the worker, which closes it after the worker. */
    public ConnectMetrics metrics() {
        return metrics;
    }

    public String workerId() {
        return workerId;
    }

    public String kafkaClusterId() {
        return kafkaClusterId;
    }

    public WorkerConfig config() {
        return config;
    }

    public Plugins plugins() {
        return plugins;
    }

    public StatusStore statusStore() {
        return statusStore;
    }

    public OffsetBackingStore offsetStore() {
        return offsetStore;
    }

    public TopicStatusStore topicStatus() {
        return topicStatus;
    }

    /**
     * Where plugin code called outside tasks runs (validation, plugin descriptions, connector calls), so that
     * it never runs on the herder's thread or the common pool.
     */
    public PluginCallExecutor pluginCalls() {
        return pluginCalls;
    }

    /** Decides which {@code *.override.*} client settings connectors may use; validation asks it too. */
    public ConnectorClientConfigOverridePolicy overridePolicy() {
        return overridePolicy;
    }

    /** A connector configuration with its config provider references resolved, as its instances see it. */
    public Map<String, String> resolveConnectorConfig(Map<String, String> connectorConfig) {
        return configResolver.resolve(connectorConfig);
    }

    /** A connector's offsets: a source's from the offset store, a sink's from its consumer group. */
    public CompletableFuture<ConnectorOffsets> connectorOffsets(String name, Map<String, String> connectorConfig) {
        return offsets.offsets(name, configResolver.resolve(connectorConfig));
    }

    /**
     * Alters a stopped source connector's offsets after its alterOffsets hook saw them; null offsets remove.
     * The hook must answer within {@code deadline} (the request's), else nothing changes.
     */
    public CompletableFuture<Message> alterSourceConnectorOffsets(String name, Map<String, String> connectorConfig,
                                                                 Map<Map<String, ?>, Map<String, ?>> changes,
                                                                 Duration deadline) {
        return offsets.alterSourceOffsets(name, configResolver.resolve(connectorConfig), changes, deadline);
    }

    /** Alters a stopped sink connector's committed offsets after its alterOffsets hook saw them in time. */
    public CompletableFuture<Message> alterSinkConnectorOffsets(String name, Map<String, String> connectorConfig,
                                                               Map<TopicPartition, Long> changes, Duration deadline) {
        return offsets.alterSinkOffsets(name, configResolver.resolve(connectorConfig), changes, deadline);
    }

    /** Removes every offset of a stopped connector after its alterOffsets hook saw them go, in time. */
    public CompletableFuture<Message> resetConnectorOffsets(String name, Map<String, String> connectorConfig,
                                                           Duration deadline) {
        return offsets.resetOffsets(name, configResolver.resolve(connectorConfig), deadline);
    }

    /**
     * Fences out the transactional producers of a source connector's tasks 0 to {@code taskCount - 1}
     * (Admin.fenceProducers), as the leader does before a new generation of its exactly-once tasks starts: a zombie
     * of an older generation can then neither write nor commit anything more. Completes once the brokers did it.
     */
    public CompletableFuture<Void> fenceZombies(String connector, int taskCount, Map<String, String> connectorConfig) {
        ConnectorClientOverrides overrides;
        try {
            Map<String, String> resolved = configResolver.resolve(connectorConfig);
            overrides = ConnectorClientOverrides.of(SourceConnectorConfig.withResolvedValues(resolved),
                    plugins.connectorClass(resolved.get(ConnectorConfig.CONNECTOR_CLASS_CONFIG)),
                    ConnectorType.SOURCE, overridePolicy);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return zombies.fence(connector, taskCount, overrides);
    }

    public boolean isSinkConnector(Map<String, String> connectorConfig) {
        return SinkConnector.class.isAssignableFrom(
                plugins.connectorClass(connectorConfig.get(ConnectorConfig.CONNECTOR_CLASS_CONFIG)));
    }

    /**
     * Starts a connector instance towards its target state. Completes once it got there or failed
     * (the failure is in its status); a connector class that cannot even be created fails the same way.
     */
    public CompletableFuture<Void> startConnector(String name, Map<String, String> connectorConfig,
                                                  TargetState target, Consumer<String> reconfigurationRequests) {
        if (connectors.containsKey(name)) {
            throw new ConnectException("Connector " + name + " is already running on this worker");
        }
        String className = connectorConfig.get(ConnectorConfig.CONNECTOR_CLASS_CONFIG);
        connectorsReportedFailed.remove(name);
        ConnectorMetrics connectorMetric = new ConnectorMetrics(metrics, name, className, connectorType(className));
        ConnectorMetrics previous = connectorMetrics.put(name, connectorMetric);
        if (previous != null) {
            previous.close();
        }
        workerMetrics.connectorStartAttempted(name);
        WorkerConnector connector;
        try {
            Map<String, String> resolved = configResolver.resolve(connectorConfig);
            Connector instance = plugins.newConnector(className);
            connector = new WorkerConnector(name, resolved, instance, plugins.pluginLoader(className), status,
                    reconfigurationRequests, pluginCalls, pluginMetrics,
                    new StoredOffsetReader(name, connectorOffsetStore(name, resolved), new OffsetCodec()));
        } catch (Throwable t) {
            log.error("Connector {} could not be created", name, t);
            connectorsReportedFailed.add(name);
            status.connectorFailed(name, t, null);
            return CompletableFuture.completedFuture(null);
        }
        connectors.put(name, connector);
        return connector.transitionTo(target);
    }

    /** What a connector's context reads offsets from: a source's own offsets topic too, if it has one. */
    private OffsetBackingStore connectorOffsetStore(String name, Map<String, String> resolved) {
        Class<? extends Connector> connectorClass = plugins.connectorClass(
                resolved.get(ConnectorConfig.CONNECTOR_CLASS_CONFIG));
        if (SinkConnector.class.isAssignableFrom(connectorClass)) {
            return offsetStore;
        }
        SourceConnectorConfig sourceConfig = SourceConnectorConfig.withResolvedValues(resolved);
        OffsetBackingStore store = offsetStores.forConnector(sourceConfig, ConnectorClientOverrides.of(sourceConfig,
                connectorClass, ConnectorType.SOURCE, overridePolicy));
        OffsetBackingStore previous = connectorReaders.put(name, store);
        if (previous != null) {
            previous.stop();
        }
        return store;
    }

    /** "source" or "sink", as connector metrics name the kinds; "unknown" when the class cannot be loaded. */
    private String connectorType(String className) {
        try {
            return SinkConnector.class.isAssignableFrom(plugins.connectorClass(className)) ? "sink" : "source";
        } catch (Throwable t) {
            return "unknown";
        }
    }

    public boolean isConnectorRunning(String name) {
        WorkerConnector connector = connectors.get(name);
        return connector != null && connector.isRunning();
    }

    public Set<String> connectorNames() {
        return Set.copyOf(connectors.keySet());
    }

    public Set<ConnectorTaskId> taskIds() {
        return Set.copyOf(tasks.keySet());
    }

    /**
     * The configurations of the connector's tasks: each one the connector's answer plus {@code task.class}
     * (and, for sinks, the consumed topics). Fails when the connector asks for more than tasks.max.
     */
    public CompletableFuture<List<Map<String, String>>> connectorTaskConfigs(String name,
                                                                            Map<String, String> connectorConfig) {
        WorkerConnector connector = connectors.get(name);
        if (connector == null || !connector.isRunning()) {
            return CompletableFuture.failedFuture(new ConnectException("Connector " + name + " is not running"));
        }
        ConnectorConfig parsed = new ConnectorConfig(ConnectorConfig.configDef(), configResolver.resolve(connectorConfig),
                false);
        int maxTasks = parsed.tasksMax();
        boolean sink = SinkConnector.class.isAssignableFrom(connector.connectorClass());
        return connector.taskConfigs(maxTasks).thenApply(answer -> {
            List<Map<String, String>> generated = answer.configs();
            String taskClass = answer.taskClass().getName();
            if (generated.size() > maxTasks && parsed.enforceTasksMax()) {
                throw new ConnectException("The connector " + name + " has generated " + generated.size()
                        + " tasks, which is greater than " + maxTasks + ", the maximum number of tasks it is "
                        + "configured to create. ");
            }
            List<Map<String, String>> configs = new ArrayList<>(generated.size());
            for (Map<String, String> taskProps : generated) {
                Map<String, String> taskConfig = new HashMap<>(
                        ConnectorConfigResolver.withReferences(connectorConfig, taskProps));
                taskConfig.put(TaskFactory.TASK_CLASS_CONFIG, taskClass);
                if (sink) {
                    copyIfSet(connectorConfig, taskConfig, SinkConnectorConfig.TOPICS_CONFIG);
                    copyIfSet(connectorConfig, taskConfig, SinkConnectorConfig.TOPICS_REGEX_CONFIG);
                }
                configs.add(taskConfig);
            }
            return configs;
        });
    }

    public CompletableFuture<Void> setConnectorTargetState(String name, TargetState target) {
        WorkerConnector connector = connectors.get(name);
        tasks.forEach((id, task) -> {
            if (id.connector().equals(name)) {
                task.transitionTo(target);
            }
        });
        return connector == null ? CompletableFuture.completedFuture(null) : connector.transitionTo(target);
    }

    /** Stops a connector instance (not its tasks) and waits up to the graceful shutdown timeout. */
    public void stopAndAwaitConnector(String name) {
        stopAndAwaitConnectors(List.of(name));
    }

    /**
     * Stops connector instances (not their tasks) together and waits for them up to
     * task.shutdown.graceful.timeout.ms in total; connectors still stopping then are abandoned.
     */
    public void stopAndAwaitConnectors(Collection<String> names) {
        Map<String, WorkerConnector> stopping = new LinkedHashMap<>();
        Map<String, CompletableFuture<Void>> stopped = new LinkedHashMap<>();
        List<OffsetBackingStore> readers = new ArrayList<>();
        for (String name : names) {
            connectorsReportedFailed.remove(name);
            ConnectorMetrics connectorMetric = connectorMetrics.remove(name);
            if (connectorMetric != null) {
                connectorMetric.close();
            }
            workerMetrics.connectorRemoved(name);
            WorkerConnector connector = connectors.remove(name);
            OffsetBackingStore reader = connectorReaders.remove(name);
            if (reader != null) {
                readers.add(reader);
            }
            if (connector != null) {
                stopping.put(name, connector);
                stopped.put(name, connector.shutdown());
            }
        }
        long deadline = time.milliseconds() + config.taskShutdownTimeout();
        stopped.forEach((name, done) -> {
            try {
                done.get(Math.max(0, deadline - time.milliseconds()), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                log.error("Connector {} did not stop within task.shutdown.graceful.timeout.ms={} ms; abandoning it",
                        name, config.taskShutdownTimeout());
                stopping.get(name).cancel();
            } catch (ExecutionException e) {
                log.error("Connector {} failed while stopping", name, e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        readers.forEach(reader -> Utils.closeQuietly(reader::stop, "offset store of a stopped connector"));
    }

    /** Starts a task on a thread of its own; a task that cannot be built is reported FAILED. */
    public boolean startTask(ConnectorTaskId id, Map<String, String> connectorConfig,
                             Map<String, String> taskConfig, TargetState target) {
        return startTask(id, connectorConfig, taskConfig, target, null);
    }

    /**
     * Starts a source task exactly once (KIP-618): with its own transactional producer, writing records and offsets
     * in transactions, after the herder's {@code preflight} let it. No offset committer looks after it: it commits
     * at its transaction boundaries.
     */
    public boolean startExactlyOnceSourceTask(ConnectorTaskId id, Map<String, String> connectorConfig,
                                              Map<String, String> taskConfig, TargetState target,
                                              ExactlyOncePreflight preflight) {
        return startTask(id, connectorConfig, taskConfig, target, preflight);
    }

    private boolean startTask(ConnectorTaskId id, Map<String, String> connectorConfig,
                              Map<String, String> taskConfig, TargetState target, ExactlyOncePreflight preflight) {
        if (tasks.containsKey(id)) {
            throw new ConnectException("Task " + id + " is already running on this worker");
        }
        tasksFailedToCreate.remove(id);
        workerMetrics.taskStartAttempted(id);
        WorkerTask task;
        try {
            task = taskFactory.create(id, configResolver.resolve(connectorConfig), configResolver.resolve(taskConfig),
                    target, preflight);
        } catch (Throwable t) {
            log.error("Task {} could not be created", id, t);
            tasksFailedToCreate.add(id);
            status.taskFailed(id, t, null);
            return false;
        }
        workerMetrics.taskAdded(id);
        tasks.put(id, task);
        if (task instanceof WorkerSourceTask sourceTask) {
            offsetCommitter.schedule(id, sourceTask.flusher());
        }
        Thread thread = new Thread(task, "task-thread-" + id);
        thread.setDaemon(true);
        thread.start();
        return true;
    }

    /**
     * Stops the tasks together and waits for them up to task.shutdown.graceful.timeout.ms in total; tasks
     * still running then are abandoned.
     */
    public void stopAndAwaitTasks(Collection<ConnectorTaskId> ids) {
        List<Map.Entry<ConnectorTaskId, WorkerTask>> stopping = new ArrayList<>();
        for (ConnectorTaskId id : ids) {
            tasksFailedToCreate.remove(id);
            WorkerTask task = tasks.remove(id);
            if (task != null) {
                workerMetrics.taskRemoved(id);
                offsetCommitter.remove(id);
                task.stop();
                stopping.add(Map.entry(id, task));
            }
        }
        long deadline = time.milliseconds() + config.taskShutdownTimeout();
        for (Map.Entry<ConnectorTaskId, WorkerTask> entry : stopping) {
            long remaining = Math.max(0, deadline - time.milliseconds());
            if (!entry.getValue().awaitStop(remaining)) {
                log.error("Task {} did not stop within task.shutdown.graceful.timeout.ms={} ms; abandoning it "
                        + "(its thread may linger until the task returns)", entry.getKey(), config.taskShutdownTimeout());
                entry.getValue().cancel();
            }
            entry.getValue().removeMetrics();
            entry.getValue().removePluginMetrics();
        }
    }

    /** Stops every task of a connector. */
    public void stopAndAwaitTasks(String connector) {
        stopAndAwaitTasks(tasks.keySet().stream().filter(id -> id.connector().equals(connector)).toList());
    }

    /** Reports that a connector's instances are gone for good (deleted), removing their statuses. */
    public void reportDestroyed(String connector, Collection<ConnectorTaskId> taskIds) {
        taskIds.forEach(id -> status.task(id, State.DESTROYED, null));
        if (connector != null) {
            status.connector(connector, State.DESTROYED, null);
        }
    }

    /** Reports a connector failure noticed outside the connector's own calls, e.g. in its task configurations. */
    public void reportConnectorFailed(String connector, Throwable cause) {
        WorkerConnector instance = connectors.get(connector);
        connectorsReportedFailed.add(connector);
        status.connectorFailed(connector, cause, instance == null ? null : instance.version());
    }

    /** Reports an instance as about to restart, as the restart API answers. */
    public void reportRestarting(String connector, String version) {
        status.connector(connector, State.RESTARTING, version);
    }

    public void reportTaskRestarting(ConnectorTaskId id, String version) {
        status.task(id, State.RESTARTING, version);
    }

    /** Keeps the connector and task metrics in step with the states this worker reports. */
    private final class MetricsObserver implements InstanceStateListener {
        @Override
        public void connectorState(String connector, State state, String version, Throwable failure) {
            ConnectorMetrics metric = connectorMetrics.get(connector);
            if (metric != null) {
                metric.state(state, version);
            }
            workerMetrics.connectorState(connector, state);
        }

        @Override
        public void taskState(ConnectorTaskId id, State state, Throwable failure) {
            workerMetrics.taskState(id, state);
        }
    }

    private static void copyIfSet(Map<String, String> from, Map<String, String> to, String key) {
        String value = from.get(key);
        if (value != null) {
            to.put(key, value);
        }
    }
}
