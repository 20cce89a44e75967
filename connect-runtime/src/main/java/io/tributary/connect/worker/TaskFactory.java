package io.tributary.connect.worker;

import java.util.List;
import java.util.Map;

import io.tributary.connect.config.ConnectorClientOverrides;
import io.tributary.connect.config.ConnectorConfig;
import io.tributary.connect.config.SinkConnectorConfig;
import io.tributary.connect.config.SourceConnectorConfig;
import io.tributary.connect.config.TopicCreationConfig;
import io.tributary.connect.config.TopicCreationGroup;
import io.tributary.connect.config.WorkerClientConfigs;
import io.tributary.connect.config.WorkerConfig;
import io.tributary.connect.errors.ErrorHandler;
import io.tributary.connect.errors.ErrorMetrics;
import io.tributary.connect.metrics.PluginMetricsFactory;
import io.tributary.connect.model.ConnectorTaskId;
import io.tributary.connect.model.TargetState;
import io.tributary.connect.plugins.PluginDescriptor;
import io.tributary.connect.plugins.Plugins;
import io.tributary.connect.storage.OffsetBackingStore;
import io.tributary.connect.storage.OffsetCodec;
import io.tributary.connect.storage.SourceOffsetWriter;
import io.tributary.connect.storage.StoredOffsetReader;
import io.tributary.connect.status.TopicStatusStore;
import io.tributary.connect.status.TopicRecorder;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.metrics.internals.PluginMetricsImpl;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.connect.connector.Connector;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.connector.policy.ConnectorClientConfigOverridePolicy;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.health.ConnectorType;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.components.Versioned;
import org.apache.kafka.connect.sink.SinkTask;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;

/**
 * Builds a runnable source or sink task with its converters, transformations and Kafka client. At-least-once source
 * tasks lease their producer from the worker's {@link SharedProducers}; the factory owns them and closes them last.
 */
final class TaskFactory implements AutoCloseable {

    static final String TASK_CLASS_CONFIG = "task.class";

    private final WorkerConfig config;
    private final Plugins plugins;
    private final WorkerClientConfigs clients;
    private final ConnectorClientConfigOverridePolicy overridePolicy;
    private final ConnectorOffsetStores offsetStores;
    private final OffsetCodec offsetCodec = new OffsetCodec();
    private final StatusReporter status;
    private final ConverterFactory converterFactory;
    private final TransformationChainBuilder transformations;
    private final TopicStatusStore topicStatus;
    private final ErrorHandlerFactory errorHandlers;
    /** Shared by the worker's source tasks (those producing exactly once commit whole transactions instead). */
    private final UnacknowledgedRecordBudget unacknowledged = new UnacknowledgedRecordBudget();
    private final Metrics metrics;
    private final PluginMetricsFactory pluginMetrics;
    private final Time time;
    /** Null when the worker gives each source task a producer of its own. */
    private final SharedProducers sharedProducers;

    TaskFactory(WorkerConfig config, Plugins plugins, WorkerClientConfigs clients,
                ConnectorClientConfigOverridePolicy overridePolicy, OffsetBackingStore offsetStore,
                StatusReporter status, TopicStatusStore topicStatus, Metrics metrics,
                PluginMetricsFactory pluginMetrics, Time time) {
        this.metrics = metrics;
        this.config = config;
        this.plugins = plugins;
        this.clients = clients;
        this.overridePolicy = overridePolicy;
        this.offsetStores = new ConnectorOffsetStores(config, clients, offsetStore, time);
        this.status = status;
        this.converterFactory = new ConverterFactory(plugins, config, pluginMetrics);
        this.transformations = new TransformationChainBuilder(plugins);
        this.topicStatus = topicStatus;
        this.errorHandlers = new ErrorHandlerFactory(clients, time);
        this.pluginMetrics = pluginMetrics;
        this.time = time;
        this.sharedProducers = config.sharedProducersEnable() ? new SharedProducers(KafkaProducer::new) : null;
    }

    /** Closes the shared producers that tasks never gave back (the worker stopped its tasks before). */
    @Override
    public void close() {
        if (sharedProducers != null) {
            sharedProducers.close();
        }
    }

    WorkerTask create(ConnectorTaskId id, Map<String, String> connectorConfig, Map<String, String> taskConfig,
                      TargetState initialState) {
        return create(id, connectorConfig, taskConfig, initialState, null);
    }

    /**
     * @param exactlyOnce the herder's checks around an exactly-once source task's producer; null to run a source
     *                    task at least once. Sink tasks ignore it.
     */
    WorkerTask create(ConnectorTaskId id, Map<String, String> connectorConfig, Map<String, String> taskConfig,
                      TargetState initialState, ExactlyOncePreflight exactlyOnce) {
        String connectorClassName = connectorConfig.get(ConnectorConfig.CONNECTOR_CLASS_CONFIG);
        Class<? extends Connector> connectorClass = plugins.connectorClass(connectorClassName);
        ClassLoader loader = plugins.pluginLoader(connectorClassName);
        Task task = plugins.newTask(taskClass(taskConfig, loader));
        if (task instanceof SourceTask sourceTask) {
            return sourceTask(id, sourceTask, connectorClass, loader, connectorConfig, taskConfig, initialState,
                    exactlyOnce);
        }
        if (task instanceof SinkTask sinkTask) {
            return sinkTask(id, sinkTask, connectorClass, loader, connectorConfig, taskConfig, initialState);
        }
        throw new ConnectException("Task class " + task.getClass().getName() + " of " + id
                + " is neither a SourceTask nor a SinkTask");
    }

    private Class<? extends Task> taskClass(Map<String, String> taskConfig, ClassLoader loader) {
        String name = taskConfig.get(TASK_CLASS_CONFIG);
        if (name == null) {
            throw new ConnectException("Task configuration has no '" + TASK_CLASS_CONFIG + "'");
        }
        try {
            return Class.forName(name, true, loader).asSubclass(Task.class);
        } catch (ClassNotFoundException | ClassCastException e) {
            throw new ConnectException("Task class " + name + " cannot be loaded as a Task", e);
        }
    }

    private WorkerTask sourceTask(ConnectorTaskId id, SourceTask task, Class<? extends Connector> connectorClass,
                                  ClassLoader loader, Map<String, String> connectorConfig,
                                  Map<String, String> taskConfig, TargetState initialState,
                                  ExactlyOncePreflight exactlyOnce) {
        SourceConnectorConfig sourceConfig = SourceConnectorConfig.withResolvedValues(connectorConfig);
        ConnectorClientOverrides overrides = ConnectorClientOverrides.of(sourceConfig, connectorClass,
                ConnectorType.SOURCE, overridePolicy);
        PluginMetricsImpl pluginTaskMetrics = pluginMetrics.forTask(id.connector(), id.task());
        Converters converters = null;
        TransformationChain<SourceRecord> chain = null;
        ErrorHandler errors = null;
        TopicCreator topicCreator = null;
        SourceTaskMetrics taskMetrics = null;
        OffsetBackingStore store = null;
        TaskProducer producer = null;
        try {
            converters = converterFactory.forTask(connectorConfig, id);
            ErrorMetrics errorMetrics = new ErrorMetrics(metrics, id, time);
            chain = transformations.build(connectorConfig, id, pluginMetrics);
            taskMetrics = new SourceTaskMetrics(metrics, id,
                    taskMetrics(id, connectorClass, "source", task, converters, chain), errorMetrics);
            errors = errorHandlers.forSource(id, sourceConfig, errorMetrics);
            topicCreator = topicCreator(id, connectorConfig, overrides);
            store = offsetStores.forConnector(sourceConfig, overrides);
            StoredOffsetReader reader = new StoredOffsetReader(id.connector(), store, offsetCodec);
            long flushTimeout = config.offsetCommitTimeout();
            if (exactlyOnce != null) {
                OffsetBackingStore workerCopy = offsetStores.hasOwnTopic(sourceConfig, overrides)
                        ? offsetStores.workerStore() : null;
                TransactionalOffsets offsets = new TransactionalOffsets(id.connector(),
                        offsetStores.offsetsTopic(sourceConfig), workerCopy, flushTimeout);
                Long interval = sourceConfig.transactionBoundaryInterval();
                KafkaProducer<byte[], byte[]> transactional = new KafkaProducer<>(
                        clients.exactlyOnceProducer(id.connector(), id.task(), overrides));
                ExactlyOnceWorkerSourceTask.Parts parts = new ExactlyOnceWorkerSourceTask.Parts(taskConfig, chain,
                        converters, transactional, reader, offsets, sourceConfig.transactionBoundary(),
                        interval != null ? interval : config.offsetCommitInterval(), exactlyOnce, flushTimeout,
                        topics(id), errors, topicCreator, pluginTaskMetrics, time, taskMetrics, store::stop);
                return new ExactlyOnceWorkerSourceTask(id, task, parts, status, loader, initialState);
            }
            producer = producerOf(id, task, overrides);
            SourceOffsetWriter writer = new SourceOffsetWriter(id.connector(), store, offsetCodec);
            SourceOffsetFlusher.Factory flushers = (taskId, submitted, sourceTask, taskLoader) ->
                    new SourceOffsetFlusher(taskId, submitted, writer, sourceTask, taskLoader, flushTimeout, time);
            WorkerSourceTask.Parts parts = new WorkerSourceTask.Parts(taskConfig, chain, converters, producer,
                    reader, flushers, flushTimeout, topics(id), errors, topicCreator, pluginTaskMetrics, time,
                    taskMetrics, store::stop, unacknowledged);
            return new WorkerSourceTask(id, task, parts, status, loader, initialState);
        } catch (RuntimeException e) {
            closeAll(converters, chain, errors, topicCreator, pluginTaskMetrics);
            Utils.closeQuietly(taskMetrics, "metrics of " + id);
            if (producer != null) {
                producer.abandon();
            }
            if (store != null) {
                Utils.closeQuietly(store::stop, "offset store of " + id);
            }
            throw e;
        }
    }

    /**
     * A lease on a shared producer when the task can have one, else a producer of its own. A task whose class
     * overrides commitRecord gets its own: that plugin code runs on the producer's thread for every acknowledged
     * record, and a slow one must not hold up the acknowledgements of other connectors' tasks.
     */
    private TaskProducer producerOf(ConnectorTaskId id, SourceTask task, ConnectorClientOverrides overrides) {
        String clientId = "connector-producer-" + id;
        Map<String, Object> settings = clients.producer(clientId, overrides);
        if (sharedProducers != null && SharedProducers.canShare(settings) && !overridesCommitRecord(task)) {
            return sharedProducers.lease(id, settings, clientId);
        }
        return TaskProducer.own(new KafkaProducer<>(settings), id.toString());
    }

    private static boolean overridesCommitRecord(SourceTask task) {
        try {
            return task.getClass().getMethod("commitRecord", SourceRecord.class, RecordMetadata.class)
                    .getDeclaringClass() != SourceTask.class;
        } catch (NoSuchMethodException e) {
            return true;
        }
    }

    private WorkerTask sinkTask(ConnectorTaskId id, SinkTask task, Class<? extends Connector> connectorClass,
                                ClassLoader loader, Map<String, String> connectorConfig,
                                Map<String, String> taskConfig, TargetState initialState) {
        SinkConnectorConfig sinkConfig = SinkConnectorConfig.withResolvedValues(connectorConfig);
        ConnectorClientOverrides overrides = ConnectorClientOverrides.of(sinkConfig, connectorClass,
                ConnectorType.SINK, overridePolicy);
        PluginMetricsImpl pluginTaskMetrics = pluginMetrics.forTask(id.connector(), id.task());
        Converters converters = null;
        TransformationChain<SinkRecord> chain = null;
        ErrorHandler errors = null;
        SinkTaskMetrics taskMetrics = null;
        try {
            converters = converterFactory.forTask(connectorConfig, id);
            ErrorMetrics errorMetrics = new ErrorMetrics(metrics, id, time);
            chain = transformations.build(connectorConfig, id, pluginMetrics);
            taskMetrics = new SinkTaskMetrics(metrics, id,
                    taskMetrics(id, connectorClass, "sink", task, converters, chain), errorMetrics);
            errors = errorHandlers.forSink(id, sinkConfig, overrides, errorMetrics);
            WorkerErrantRecordReporter errantRecords = sinkConfig.enableErrantRecordReporter()
                    ? new WorkerErrantRecordReporter(errors, converters) : null;
            KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
                    clients.sinkConsumer(id.connector(), "connector-consumer-" + id, overrides));
            WorkerSinkTask.Parts parts = new WorkerSinkTask.Parts(taskConfig, chain, converters, consumer,
                    config.offsetCommitInterval(), topics(id), errors, errantRecords, pluginTaskMetrics, time,
                    taskMetrics);
            return new WorkerSinkTask(id, task, parts, status, loader, initialState);
        } catch (RuntimeException e) {
            closeAll(converters, chain, errors, null, pluginTaskMetrics);
            Utils.closeQuietly(taskMetrics, "metrics of " + id);
            throw e;
        }
    }

    private TaskMetrics taskMetrics(ConnectorTaskId id, Class<? extends Connector> connectorClass, String type,
                                    Task task, Converters converters, TransformationChain<?> chain) {
        String connectorVersion = plugins.descriptor(connectorClass.getName()).map(PluginDescriptor::version)
                .orElse(PluginDescriptor.UNDEFINED_VERSION);
        TaskMetrics.PluginInfo info = new TaskMetrics.PluginInfo(connectorClass.getName(), connectorVersion, type,
                task.getClass().getName(), AliasedPlugin.versionOf(task),
                className(converters.key()), AliasedPlugin.versionOf(converters.key()),
                className(converters.value()), AliasedPlugin.versionOf(converters.value()),
                className(converters.header()), AliasedPlugin.versionOf(converters.header()),
                chain.transformationPlugins(), chain.predicatePlugins());
        return new TaskMetrics(metrics, id, info, time);
    }

    private static String className(Object plugin) {
        return plugin == null ? null : plugin.getClass().getName();
    }

    /** Topic creation applies when the worker allows it and the connector has any topic.creation.* setting. */
    private TopicCreator topicCreator(ConnectorTaskId id, Map<String, String> connectorConfig,
                                      ConnectorClientOverrides overrides) {
        if (!config.topicCreationEnable() || !SourceConnectorConfig.usesTopicCreation(connectorConfig)) {
            return TopicCreator.NONE;
        }
        List<TopicCreationGroup> groups = TopicCreationConfig.groups(connectorConfig);
        return new TopicCreator(Admin.create(clients.admin("connector-adminclient-" + id, overrides)), groups);
    }

    private static void closeAll(Converters converters, TransformationChain<?> chain, ErrorHandler errors,
                                 TopicCreator topicCreator, PluginMetricsImpl taskMetrics) {
        Utils.closeQuietly(converters, "converters");
        Utils.closeQuietly(chain, "transformations");
        Utils.closeQuietly(errors, "error handling");
        Utils.closeQuietly(topicCreator, "topic creation");
        Utils.closeQuietly(taskMetrics, "plugin metrics of the task");
    }

    private TopicRecorder topics(ConnectorTaskId id) {
        return TopicRecorder.of(topicStatus, id.connector(), config.topicTrackingEnable());
    }
}
