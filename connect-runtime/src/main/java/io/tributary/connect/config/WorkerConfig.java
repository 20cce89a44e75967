package io.tributary.connect.config;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.kafka.clients.ClientDnsLookup;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.SslConfigs;
import org.apache.kafka.common.metrics.JmxReporter;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.connect.storage.SimpleHeaderConverter;

/**
 * Settings every worker has, whatever its mode: how to reach Kafka, the default converters, offset
 * commit timing, plugin discovery, metrics, TLS for clients and the REST server. Key names, types,
 * defaults, validators and importance are those of Kafka Connect so existing worker files load as is.
 */
public class WorkerConfig extends AbstractConfig {

    public static final String BOOTSTRAP_SERVERS_CONFIG = CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG;
    public static final String BOOTSTRAP_SERVERS_DEFAULT = "localhost:9092";
    public static final String CLIENT_DNS_LOOKUP_CONFIG = CommonClientConfigs.CLIENT_DNS_LOOKUP_CONFIG;

    public static final String PLUGIN_VERSION_SUFFIX = "plugin.version";
    public static final String KEY_CONVERTER_CLASS_CONFIG = "key.converter";
    public static final String KEY_CONVERTER_VERSION = "key.converter." + PLUGIN_VERSION_SUFFIX;
    public static final String VALUE_CONVERTER_CLASS_CONFIG = "value.converter";
    public static final String VALUE_CONVERTER_VERSION = "value.converter." + PLUGIN_VERSION_SUFFIX;
    public static final String HEADER_CONVERTER_CLASS_CONFIG = "header.converter";
    public static final String HEADER_CONVERTER_CLASS_DEFAULT = SimpleHeaderConverter.class.getName();
    public static final String HEADER_CONVERTER_VERSION = "header.converter." + PLUGIN_VERSION_SUFFIX;

    public static final String TASK_SHUTDOWN_GRACEFUL_TIMEOUT_MS_CONFIG = "task.shutdown.graceful.timeout.ms";
    public static final long TASK_SHUTDOWN_GRACEFUL_TIMEOUT_MS_DEFAULT = 5000L;
    public static final String OFFSET_COMMIT_INTERVAL_MS_CONFIG = "offset.flush.interval.ms";
    public static final long OFFSET_COMMIT_INTERVAL_MS_DEFAULT = 60000L;
    public static final String OFFSET_COMMIT_TIMEOUT_MS_CONFIG = "offset.flush.timeout.ms";
    public static final long OFFSET_COMMIT_TIMEOUT_MS_DEFAULT = 5000L;

    public static final String PLUGIN_PATH_CONFIG = "plugin.path";
    public static final String PLUGIN_DISCOVERY_CONFIG = "plugin.discovery";
    public static final String CONFIG_PROVIDERS_CONFIG = "config.providers";
    public static final String CONNECTOR_CLIENT_POLICY_CLASS_CONFIG = "connector.client.config.override.policy";
    public static final String CONNECTOR_CLIENT_POLICY_CLASS_DEFAULT = "All";

    public static final String METRICS_SAMPLE_WINDOW_MS_CONFIG = CommonClientConfigs.METRICS_SAMPLE_WINDOW_MS_CONFIG;
    public static final String METRICS_NUM_SAMPLES_CONFIG = CommonClientConfigs.METRICS_NUM_SAMPLES_CONFIG;
    public static final String METRICS_RECORDING_LEVEL_CONFIG = CommonClientConfigs.METRICS_RECORDING_LEVEL_CONFIG;
    public static final String METRIC_REPORTER_CLASSES_CONFIG = CommonClientConfigs.METRIC_REPORTER_CLASSES_CONFIG;
    /** Prefix of worker keys passed to every client's metrics context (KIP-606). */
    public static final String METRICS_CONTEXT_PREFIX = CommonClientConfigs.METRICS_CONTEXT_PREFIX;
    public static final String CONNECT_KAFKA_CLUSTER_ID = "connect.kafka.cluster.id";
    public static final String CONNECT_GROUP_ID = "connect.group.id";

    public static final String TOPIC_TRACKING_ENABLE_CONFIG = "topic.tracking.enable";
    public static final String TOPIC_TRACKING_ALLOW_RESET_CONFIG = "topic.tracking.allow.reset";
    public static final String TOPIC_CREATION_ENABLE_CONFIG = "topic.creation.enable";
    /** Tributary only: at-least-once source tasks with equal producer settings share producers. */
    public static final String SHARED_PRODUCERS_ENABLE_CONFIG = "tributary.producer.sharing.enable";

    /** Prefixes under which the worker file configures the clients it creates. */
    public static final String PRODUCER_PREFIX = "producer.";
    public static final String CONSUMER_PREFIX = "consumer.";
    public static final String ADMIN_PREFIX = "admin.";

    /** The definitions shared by standalone and distributed workers, in Kafka Connect's order. */
    public static ConfigDef baseConfigDef() {
        ConfigDef def = new ConfigDef()
            .define(BOOTSTRAP_SERVERS_CONFIG, Type.LIST, BOOTSTRAP_SERVERS_DEFAULT, Importance.HIGH,
                "Kafka brokers (host:port, comma separated) the worker contacts first to discover the whole cluster.")
            .define(CLIENT_DNS_LOOKUP_CONFIG, Type.STRING, ClientDnsLookup.USE_ALL_DNS_IPS.toString(),
                ConfigDef.ValidString.in(ClientDnsLookup.USE_ALL_DNS_IPS.toString(),
                    ClientDnsLookup.RESOLVE_CANONICAL_BOOTSTRAP_SERVERS_ONLY.toString()),
                Importance.MEDIUM, "How the worker's clients resolve broker host names to addresses.")
            .define(KEY_CONVERTER_CLASS_CONFIG, Type.CLASS, Importance.HIGH,
                "Converter used for record keys unless a connector names its own.")
            .define(KEY_CONVERTER_VERSION, Type.STRING, null, Importance.LOW,
                "Version of the worker's key converter plugin; latest installed when unset.")
            .define(VALUE_CONVERTER_CLASS_CONFIG, Type.CLASS, Importance.HIGH,
                "Converter used for record values unless a connector names its own.")
            .define(VALUE_CONVERTER_VERSION, Type.STRING, null, Importance.LOW,
                "Version of the worker's value converter plugin; latest installed when unset.")
            .define(TASK_SHUTDOWN_GRACEFUL_TIMEOUT_MS_CONFIG, Type.LONG, TASK_SHUTDOWN_GRACEFUL_TIMEOUT_MS_DEFAULT,
                Importance.LOW, "Total time the worker waits for all its tasks to stop before giving up on them.")
            .define(OFFSET_COMMIT_INTERVAL_MS_CONFIG, Type.LONG, OFFSET_COMMIT_INTERVAL_MS_DEFAULT, Importance.LOW,
                "How often the worker commits the offsets of its tasks.")
            .define(OFFSET_COMMIT_TIMEOUT_MS_CONFIG, Type.LONG, OFFSET_COMMIT_TIMEOUT_MS_DEFAULT, Importance.LOW,
                "How long an offset commit may wait for outstanding records before it is abandoned and retried later.")
            .define(PLUGIN_PATH_CONFIG, Type.LIST, null, Importance.LOW,
                "Directories (comma separated) holding plugin jars or plugin directories, each loaded in isolation.")
            .define(PLUGIN_DISCOVERY_CONFIG, Type.STRING, PluginDiscoveryMode.HYBRID_WARN.configValue(),
                ConfigDef.CaseInsensitiveValidString.in(PluginDiscoveryMode.names()), Importance.LOW,
                "How plugins are found: by scanning classes, by service manifests, or both with a warning or failure "
                    + "when they disagree.")
            .define(METRICS_SAMPLE_WINDOW_MS_CONFIG, Type.LONG, 30000L, ConfigDef.Range.atLeast(0), Importance.LOW,
                "Length of one metrics sample window.")
            .define(METRICS_NUM_SAMPLES_CONFIG, Type.INT, 2, ConfigDef.Range.atLeast(1), Importance.LOW,
                "How many sample windows are kept to compute a metric.")
            .define(METRICS_RECORDING_LEVEL_CONFIG, Type.STRING, Sensor.RecordingLevel.INFO.toString(),
                ConfigDef.ValidString.in(Sensor.RecordingLevel.INFO.toString(), Sensor.RecordingLevel.DEBUG.toString()),
                Importance.LOW, "Highest recording level of the metrics the worker records.")
            .define(METRIC_REPORTER_CLASSES_CONFIG, Type.LIST, JmxReporter.class.getName(), Importance.LOW,
                "Metrics reporter classes the worker instantiates and notifies of metric changes.")
            .define(HEADER_CONVERTER_CLASS_CONFIG, Type.CLASS, HEADER_CONVERTER_CLASS_DEFAULT, Importance.LOW,
                "Converter used for record headers unless a connector names its own.")
            .define(HEADER_CONVERTER_VERSION, Type.STRING, null, Importance.LOW,
                "Version of the worker's header converter plugin; latest installed when unset.")
            .define(CONFIG_PROVIDERS_CONFIG, Type.LIST, "", Importance.LOW,
                "Aliases of ConfigProvider plugins that resolve ${provider:path:key} placeholders in configurations.")
            .define(CONNECTOR_CLIENT_POLICY_CLASS_CONFIG, Type.STRING, CONNECTOR_CLIENT_POLICY_CLASS_DEFAULT,
                Importance.MEDIUM, "Policy (class name or alias) deciding which client settings connectors may "
                    + "override with producer.override., consumer.override. and admin.override.")
            .define(TOPIC_CREATION_ENABLE_CONFIG, Type.BOOLEAN, true, Importance.LOW,
                "Whether source connectors may have the worker create their topics from topic.creation.* settings.")
            .define(SHARED_PRODUCERS_ENABLE_CONFIG, Type.BOOLEAN, false, Importance.LOW,
                "Tributary only. Whether at-least-once source tasks whose effective producer settings are equal "
                    + "(client.id aside) share one producer per up to 64 tasks, each task limited to its buffer.memory "
                    + "of records in flight: far fewer threads and less memory with hundreds of source tasks, but the "
                    + "producers' client ids and JMX metrics are then per shared producer "
                    + "(connector-producer-shared-<n>). False (the default) gives every source task a producer of its "
                    + "own, with Kafka Connect's client id connector-producer-<connector>-<task>.");
        SslConfigs.addClientSslSupport(def);
        addTopicTrackingConfig(def);
        RestServerConfigs.addPublicConfig(def);
        AutoRestartConfig.addTo(def);
        return def;
    }

    /** The two keys controlling the record of topics each connector used. */
    public static void addTopicTrackingConfig(ConfigDef def) {
        def.define(TOPIC_TRACKING_ENABLE_CONFIG, Type.BOOLEAN, true, Importance.LOW,
                "Whether the worker records the topics each connector uses.")
            .define(TOPIC_TRACKING_ALLOW_RESET_CONFIG, Type.BOOLEAN, true, Importance.LOW,
                "Whether the REST API may clear the recorded topics of a connector.");
    }

    public WorkerConfig(ConfigDef definition, Map<String, String> props) {
        super(definition, BuiltInConfigProviders.expandAliases(props));
        if (definition.configKeys().containsKey(AutoRestartConfig.ENABLED_CONFIG)) {
            autoRestart(); // checks what the ConfigDef cannot: the backoff keys against each other
        }
    }

    /** The bootstrap list joined back into the comma separated form clients expect. */
    public String bootstrapServers() {
        return String.join(",", getList(BOOTSTRAP_SERVERS_CONFIG));
    }

    public long offsetCommitInterval() {
        return getLong(OFFSET_COMMIT_INTERVAL_MS_CONFIG);
    }

    public long offsetCommitTimeout() {
        return getLong(OFFSET_COMMIT_TIMEOUT_MS_CONFIG);
    }

    public long taskShutdownTimeout() {
        return getLong(TASK_SHUTDOWN_GRACEFUL_TIMEOUT_MS_CONFIG);
    }

    public boolean topicCreationEnable() {
        return getBoolean(TOPIC_CREATION_ENABLE_CONFIG);
    }

    public boolean sharedProducersEnable() {
        return getBoolean(SHARED_PRODUCERS_ENABLE_CONFIG);
    }

    /** Tributary's automatic restarts, as this worker sets them (connectors may override). */
    public AutoRestartConfig.Settings autoRestart() {
        return AutoRestartConfig.worker(this);
    }

    public boolean topicTrackingEnable() {
        return getBoolean(TOPIC_TRACKING_ENABLE_CONFIG);
    }

    public boolean topicTrackingAllowReset() {
        return getBoolean(TOPIC_TRACKING_ALLOW_RESET_CONFIG);
    }

    /** Only a distributed worker can run source tasks exactly once; the base says no. */
    public boolean exactlyOnceSourceEnabled() {
        return false;
    }

    /** The worker-wide offsets topic, or null where offsets are not kept in Kafka. */
    public String offsetsTopic() {
        return null;
    }

    /** Whether connectors may name their own offsets topic; only with a Kafka-backed offset store. */
    public boolean connectorOffsetsTopicsPermitted() {
        return false;
    }

    /** The Connect cluster's group id, or null for a standalone worker. */
    public String groupId() {
        return null;
    }

    /** Only distributed workers have a rebalance timeout. */
    public Integer rebalanceTimeout() {
        return null;
    }

    public String connectorClientPolicy() {
        return getString(CONNECTOR_CLIENT_POLICY_CLASS_CONFIG);
    }

    /** The plugin.path value straight from the raw properties, as plugin loading runs before parsing. */
    public static String pluginPath(Map<String, String> props) {
        String value = props.get(PLUGIN_PATH_CONFIG);
        return value == null ? null : value.trim();
    }

    /** The plugin.discovery mode from the raw properties; the default when absent. */
    public static PluginDiscoveryMode pluginDiscovery(Map<String, String> props) {
        String value = props.get(PLUGIN_DISCOVERY_CONFIG);
        if (value == null || value.isBlank()) {
            return PluginDiscoveryMode.HYBRID_WARN;
        }
        return PluginDiscoveryMode.valueOf(value.trim().toUpperCase(Locale.ROOT));
    }

    public List<String> pluginPathEntries() {
        List<String> entries = getList(PLUGIN_PATH_CONFIG);
        return entries == null ? List.of() : entries;
    }
}
