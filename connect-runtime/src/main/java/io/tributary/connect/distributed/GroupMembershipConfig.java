package io.tributary.connect.distributed;

import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.ClientDnsLookup;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.MetadataRecoveryStrategy;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.ValidString;
import org.apache.kafka.common.metrics.JmxReporter;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.security.auth.SecurityProtocol;

/**
 * The worker settings group membership reads: the group keys of a distributed worker and the client
 * settings of its connection to the group coordinator, with Kafka Connect's names and defaults. Built from
 * the whole worker file; keys it does not know are ignored.
 */
public final class GroupMembershipConfig extends AbstractConfig {

    public static final String GROUP_ID_CONFIG = "group.id";
    public static final String SESSION_TIMEOUT_MS_CONFIG = "session.timeout.ms";
    public static final String HEARTBEAT_INTERVAL_MS_CONFIG = "heartbeat.interval.ms";
    public static final String REBALANCE_TIMEOUT_MS_CONFIG = "rebalance.timeout.ms";
    public static final String CONNECT_PROTOCOL_CONFIG = "connect.protocol";
    public static final String SCHEDULED_REBALANCE_MAX_DELAY_MS_CONFIG = "scheduled.rebalance.max.delay.ms";

    private static final ConfigDef CONFIG = new ConfigDef()
        .define(GROUP_ID_CONFIG, Type.STRING, Importance.HIGH,
            "The cluster this worker belongs to: workers with the same group id share connectors and tasks.")
        .define(SESSION_TIMEOUT_MS_CONFIG, Type.INT, 10000, Importance.HIGH,
            "How long the coordinator waits for a heartbeat before it drops the worker and rebalances.")
        .define(HEARTBEAT_INTERVAL_MS_CONFIG, Type.INT, 3000, Importance.HIGH,
            "How often the worker heartbeats; keep it well under the session timeout.")
        .define(REBALANCE_TIMEOUT_MS_CONFIG, Type.INT, 60000, Importance.HIGH,
            "How long each worker may take to rejoin once a rebalance starts, and the longest gap between polls.")
        .define(CONNECT_PROTOCOL_CONFIG, Type.STRING, ConnectProtocolVersion.SESSIONED.configValue(),
            ValidString.in("eager", "compatible", "sessioned"), Importance.LOW,
            "The rebalancing protocol: eager, or incremental cooperative (compatible, sessioned).")
        .define(SCHEDULED_REBALANCE_MAX_DELAY_MS_CONFIG, Type.INT, 300000, Range.between(0, Integer.MAX_VALUE),
            Importance.LOW, "How long the work of a departed worker waits for it to return before being reassigned.")
        .define(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, Type.LIST, List.of("localhost:9092"), Importance.HIGH,
            "Brokers to contact first.")
        .define(CommonClientConfigs.CLIENT_DNS_LOOKUP_CONFIG, Type.STRING, ClientDnsLookup.USE_ALL_DNS_IPS.toString(),
            ValidString.in(ClientDnsLookup.USE_ALL_DNS_IPS.toString(),
                ClientDnsLookup.RESOLVE_CANONICAL_BOOTSTRAP_SERVERS_ONLY.toString()),
            Importance.MEDIUM, "How broker host names are resolved.")
        .define(CommonClientConfigs.CLIENT_ID_CONFIG, Type.STRING, "", Importance.LOW,
            "Client id sent to the brokers; generated when empty.")
        .define(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, Type.STRING, SecurityProtocol.PLAINTEXT.toString(),
            ConfigDef.CaseInsensitiveValidString.in(SecurityProtocol.names().toArray(new String[0])),
            Importance.MEDIUM, "Protocol used to talk to brokers.")
        .define(CommonClientConfigs.REQUEST_TIMEOUT_MS_CONFIG, Type.INT, 40000, Range.atLeast(0), Importance.MEDIUM,
            "How long to wait for a broker's response.")
        .define(CommonClientConfigs.RECONNECT_BACKOFF_MS_CONFIG, Type.LONG, 50L, Range.atLeast(0L), Importance.LOW,
            "Initial wait before reconnecting to a broker.")
        .define(CommonClientConfigs.RECONNECT_BACKOFF_MAX_MS_CONFIG, Type.LONG, 1000L, Range.atLeast(0L),
            Importance.LOW, "Longest wait before reconnecting to a broker.")
        .define(CommonClientConfigs.RETRY_BACKOFF_MS_CONFIG, Type.LONG, 100L, Range.atLeast(0L), Importance.LOW,
            "Initial wait before retrying a failed request.")
        .define(CommonClientConfigs.RETRY_BACKOFF_MAX_MS_CONFIG, Type.LONG, 1000L, Range.atLeast(0L), Importance.LOW,
            "Longest wait before retrying a failed request.")
        .define(CommonClientConfigs.METADATA_MAX_AGE_CONFIG, Type.LONG, 300000L, Range.atLeast(0L), Importance.LOW,
            "How often cluster metadata is refreshed.")
        .define(CommonClientConfigs.CONNECTIONS_MAX_IDLE_MS_CONFIG, Type.LONG, 540000L, Importance.MEDIUM,
            "Idle connections are closed after this long.")
        .define(CommonClientConfigs.SEND_BUFFER_CONFIG, Type.INT, 128 * 1024, Range.atLeast(-1), Importance.MEDIUM,
            "TCP send buffer size; -1 for the OS default.")
        .define(CommonClientConfigs.RECEIVE_BUFFER_CONFIG, Type.INT, 32 * 1024, Range.atLeast(-1), Importance.MEDIUM,
            "TCP receive buffer size; -1 for the OS default.")
        .define(CommonClientConfigs.SOCKET_CONNECTION_SETUP_TIMEOUT_MS_CONFIG, Type.LONG, 10000L, Range.atLeast(0L),
            Importance.MEDIUM, "Initial time allowed to establish a connection.")
        .define(CommonClientConfigs.SOCKET_CONNECTION_SETUP_TIMEOUT_MAX_MS_CONFIG, Type.LONG, 30000L,
            Range.atLeast(0L), Importance.MEDIUM, "Longest time allowed to establish a connection.")
        .define(CommonClientConfigs.METADATA_RECOVERY_STRATEGY_CONFIG, Type.STRING,
            MetadataRecoveryStrategy.REBOOTSTRAP.name, ConfigDef.CaseInsensitiveValidString.in("rebootstrap", "none"),
            Importance.LOW, "What to do when no known broker is reachable.")
        .define(CommonClientConfigs.METADATA_RECOVERY_REBOOTSTRAP_TRIGGER_MS_CONFIG, Type.LONG, 300000L,
            Range.atLeast(0L), Importance.LOW, "How long without metadata before rebootstrapping.")
        .define(CommonClientConfigs.METRICS_SAMPLE_WINDOW_MS_CONFIG, Type.LONG, 30000L, Range.atLeast(0L),
            Importance.LOW, "Window of a metrics sample.")
        .define(CommonClientConfigs.METRICS_NUM_SAMPLES_CONFIG, Type.INT, 2, Range.atLeast(1), Importance.LOW,
            "Samples kept per metric.")
        .define(CommonClientConfigs.METRICS_RECORDING_LEVEL_CONFIG, Type.STRING, Sensor.RecordingLevel.INFO.toString(),
            ValidString.in(Sensor.RecordingLevel.INFO.toString(), Sensor.RecordingLevel.DEBUG.toString()),
            Importance.LOW, "Highest recording level of metrics.")
        .define(CommonClientConfigs.METRIC_REPORTER_CLASSES_CONFIG, Type.LIST, JmxReporter.class.getName(),
            Importance.LOW, "Metrics reporters.")
        .withClientSslSupport()
        .withClientSaslSupport();

    public GroupMembershipConfig(Map<String, ?> workerProps) {
        super(CONFIG, workerProps, false);
    }

    public static ConfigDef configDef() {
        return new ConfigDef(CONFIG);
    }

    public String groupId() {
        return getString(GROUP_ID_CONFIG);
    }

    public ConnectProtocolVersion protocol() {
        return ConnectProtocolVersion.fromConfig(getString(CONNECT_PROTOCOL_CONFIG));
    }

    public int sessionTimeoutMs() {
        return getInt(SESSION_TIMEOUT_MS_CONFIG);
    }

    public int heartbeatIntervalMs() {
        return getInt(HEARTBEAT_INTERVAL_MS_CONFIG);
    }

    public int rebalanceTimeoutMs() {
        return getInt(REBALANCE_TIMEOUT_MS_CONFIG);
    }

    public int scheduledRebalanceMaxDelayMs() {
        return getInt(SCHEDULED_REBALANCE_MAX_DELAY_MS_CONFIG);
    }
}
