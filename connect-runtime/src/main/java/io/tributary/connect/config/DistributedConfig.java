package io.tributary.connect.config;

import java.util.List;
import java.util.Map;
import javax.crypto.KeyGenerator;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.MetadataRecoveryStrategy;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.security.auth.SecurityProtocol;

/**
 * Worker settings of distributed mode: the shared ones plus the Connect group, its three internal topics,
 * the signing of requests between workers and exactly-once source support. Key names, types, defaults and
 * validators are Kafka Connect's, so an existing connect-distributed.properties loads unchanged.
 */
public class DistributedConfig extends WorkerConfig {

    public static final String GROUP_ID_CONFIG = CommonClientConfigs.GROUP_ID_CONFIG;
    public static final String SESSION_TIMEOUT_MS_CONFIG = CommonClientConfigs.SESSION_TIMEOUT_MS_CONFIG;
    public static final String HEARTBEAT_INTERVAL_MS_CONFIG = CommonClientConfigs.HEARTBEAT_INTERVAL_MS_CONFIG;
    public static final String REBALANCE_TIMEOUT_MS_CONFIG = CommonClientConfigs.REBALANCE_TIMEOUT_MS_CONFIG;
    public static final String EXACTLY_ONCE_SOURCE_SUPPORT_CONFIG = "exactly.once.source.support";
    public static final String WORKER_SYNC_TIMEOUT_MS_CONFIG = "worker.sync.timeout.ms";
    public static final String WORKER_UNSYNC_BACKOFF_MS_CONFIG = "worker.unsync.backoff.ms";

    public static final String CONFIG_STORAGE_PREFIX = "config.storage.";
    public static final String OFFSET_STORAGE_PREFIX = "offset.storage.";
    public static final String STATUS_STORAGE_PREFIX = "status.storage.";
    public static final String TOPIC_SUFFIX = "topic";
    public static final String PARTITIONS_SUFFIX = "partitions";
    public static final String REPLICATION_FACTOR_SUFFIX = "replication.factor";
    public static final String OFFSET_STORAGE_TOPIC_CONFIG = OFFSET_STORAGE_PREFIX + TOPIC_SUFFIX;
    public static final String OFFSET_STORAGE_PARTITIONS_CONFIG = OFFSET_STORAGE_PREFIX + PARTITIONS_SUFFIX;
    public static final String OFFSET_STORAGE_REPLICATION_FACTOR_CONFIG = OFFSET_STORAGE_PREFIX + REPLICATION_FACTOR_SUFFIX;
    public static final String CONFIG_TOPIC_CONFIG = CONFIG_STORAGE_PREFIX + TOPIC_SUFFIX;
    public static final String CONFIG_STORAGE_REPLICATION_FACTOR_CONFIG = CONFIG_STORAGE_PREFIX + REPLICATION_FACTOR_SUFFIX;
    public static final String STATUS_STORAGE_TOPIC_CONFIG = STATUS_STORAGE_PREFIX + TOPIC_SUFFIX;
    public static final String STATUS_STORAGE_PARTITIONS_CONFIG = STATUS_STORAGE_PREFIX + PARTITIONS_SUFFIX;
    public static final String STATUS_STORAGE_REPLICATION_FACTOR_CONFIG = STATUS_STORAGE_PREFIX + REPLICATION_FACTOR_SUFFIX;

    public static final String CONNECT_PROTOCOL_CONFIG = "connect.protocol";
    public static final String SCHEDULED_REBALANCE_MAX_DELAY_MS_CONFIG = "scheduled.rebalance.max.delay.ms";
    public static final String INTER_WORKER_KEY_TTL_MS_CONFIG = "inter.worker.key.ttl.ms";
    public static final String INTER_WORKER_KEY_GENERATION_ALGORITHM_CONFIG = "inter.worker.key.generation.algorithm";
    public static final String INTER_WORKER_KEY_SIZE_CONFIG = "inter.worker.key.size";
    public static final String INTER_WORKER_SIGNATURE_ALGORITHM_CONFIG = "inter.worker.signature.algorithm";
    public static final String INTER_WORKER_VERIFICATION_ALGORITHMS_CONFIG = "inter.worker.verification.algorithms";
    public static final String HMAC_SHA256 = "HmacSHA256";
    public static final String METADATA_RECOVERY_STRATEGY_CONFIG = CommonClientConfigs.METADATA_RECOVERY_STRATEGY_CONFIG;
    public static final String METADATA_RECOVERY_REBOOTSTRAP_TRIGGER_MS_CONFIG =
        CommonClientConfigs.METADATA_RECOVERY_REBOOTSTRAP_TRIGGER_MS_CONFIG;

    private static final ConfigDef CONFIG = withClientAndStorageKeys(baseConfigDef()
        .define(GROUP_ID_CONFIG, Type.STRING, Importance.HIGH,
            "Name of the Connect cluster: workers with the same group id share connectors and tasks.")
        .define(SESSION_TIMEOUT_MS_CONFIG, Type.INT, 10000, Importance.HIGH,
            "How long the group coordinator waits for a heartbeat before it removes the worker and rebalances.")
        .define(REBALANCE_TIMEOUT_MS_CONFIG, Type.INT, 60000, Importance.HIGH,
            "How long each worker may take to rejoin once a rebalance began; also the longest gap between polls.")
        .define(HEARTBEAT_INTERVAL_MS_CONFIG, Type.INT, 3000, Importance.HIGH,
            "How often the worker heartbeats to the group coordinator; keep it well under session.timeout.ms.")
        .define(EXACTLY_ONCE_SOURCE_SUPPORT_CONFIG, Type.STRING, "disabled",
            ConfigDef.CaseInsensitiveValidString.in(ExactlyOnceSourceSupport.names()), Importance.HIGH,
            "Exactly-once delivery for source connectors: disabled, preparing (rolling upgrade step) or enabled.")
        .define(CommonClientConfigs.METADATA_MAX_AGE_CONFIG, Type.LONG, 300000L, Range.atLeast(0), Importance.LOW,
            "How often the worker refreshes cluster metadata even without changes.")
        .define(CommonClientConfigs.CLIENT_ID_CONFIG, Type.STRING, "", Importance.LOW,
            "Client id of the worker's group connection; generated when empty.")
        .define(CommonClientConfigs.SEND_BUFFER_CONFIG, Type.INT, 128 * 1024, Range.atLeast(-1), Importance.MEDIUM,
            "TCP send buffer of the group connection; -1 for the operating system's default.")
        .define(CommonClientConfigs.RECEIVE_BUFFER_CONFIG, Type.INT, 32 * 1024, Range.atLeast(-1), Importance.MEDIUM,
            "TCP receive buffer of the group connection; -1 for the operating system's default.")
        .define(CommonClientConfigs.RECONNECT_BACKOFF_MS_CONFIG, Type.LONG, 50L, Range.atLeast(0L), Importance.LOW,
            "Initial wait before reconnecting to a broker.")
        .define(CommonClientConfigs.RECONNECT_BACKOFF_MAX_MS_CONFIG, Type.LONG, 1000L, Range.atLeast(0L),
            Importance.LOW, "Longest wait before reconnecting to a broker.")
        .define(CommonClientConfigs.SOCKET_CONNECTION_SETUP_TIMEOUT_MS_CONFIG, Type.LONG, 10000L, Range.atLeast(0L),
            Importance.LOW, "Initial time allowed to establish a broker connection.")
        .define(CommonClientConfigs.SOCKET_CONNECTION_SETUP_TIMEOUT_MAX_MS_CONFIG, Type.LONG, 30000L,
            Range.atLeast(0L), Importance.LOW, "Longest time allowed to establish a broker connection.")
        .define(CommonClientConfigs.RETRY_BACKOFF_MS_CONFIG, Type.LONG, 100L, Range.atLeast(0L), Importance.LOW,
            "Initial wait before retrying a failed request.")
        .define(CommonClientConfigs.RETRY_BACKOFF_MAX_MS_CONFIG, Type.LONG, 1000L, Range.atLeast(0L), Importance.LOW,
            "Longest wait before retrying a failed request.")
        .define(CommonClientConfigs.REQUEST_TIMEOUT_MS_CONFIG, Type.INT, 40000, Range.atLeast(0), Importance.MEDIUM,
            "How long the worker waits for a broker's answer before retrying or failing.")
        .define(CommonClientConfigs.CONNECTIONS_MAX_IDLE_MS_CONFIG, Type.LONG, 540000L, Importance.MEDIUM,
            "Idle broker connections are closed after this long.")
        .define(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, Type.STRING, SecurityProtocol.PLAINTEXT.toString(),
            ConfigDef.CaseInsensitiveValidString.in(SecurityProtocol.names().toArray(new String[0])),
            Importance.MEDIUM, "Protocol of the connections to brokers.")
        .withClientSaslSupport());

    private final ExactlyOnceSourceSupport exactlyOnceSourceSupport;

    public DistributedConfig(Map<String, String> props) {
        super(CONFIG, props);
        this.exactlyOnceSourceSupport = ExactlyOnceSourceSupport.fromConfig(getString(EXACTLY_ONCE_SOURCE_SUPPORT_CONFIG));
        checkSignatureAlgorithmIsVerified();
        internalRequestKeyGenerator();
    }

    public static ConfigDef configDef() {
        return new ConfigDef(CONFIG);
    }

    private static ConfigDef withClientAndStorageKeys(ConfigDef def) {
        return def
            .define(WORKER_SYNC_TIMEOUT_MS_CONFIG, Type.INT, 3000, Importance.MEDIUM,
                "How long a worker behind on the config topic tries to catch up before it leaves the group.")
            .define(WORKER_UNSYNC_BACKOFF_MS_CONFIG, Type.INT, 300000, Importance.MEDIUM,
                "How long a worker that could not catch up waits before rejoining the group.")
            .define(OFFSET_STORAGE_TOPIC_CONFIG, Type.STRING, Importance.HIGH,
                "Compacted topic holding the source connectors' offsets.")
            .define(OFFSET_STORAGE_PARTITIONS_CONFIG, Type.INT, 25, InternalTopicValidators.partitions(),
                Importance.LOW, "Partitions of the offsets topic when the worker creates it.")
            .define(OFFSET_STORAGE_REPLICATION_FACTOR_CONFIG, Type.SHORT, (short) 3,
                InternalTopicValidators.replicationFactor(), Importance.LOW,
                "Replication factor of the offsets topic when the worker creates it.")
            .define(CONFIG_TOPIC_CONFIG, Type.STRING, Importance.HIGH,
                "Compacted single-partition topic holding connector and task configurations.")
            .define(CONFIG_STORAGE_REPLICATION_FACTOR_CONFIG, Type.SHORT, (short) 3,
                InternalTopicValidators.replicationFactor(), Importance.LOW,
                "Replication factor of the config topic when the worker creates it.")
            .define(STATUS_STORAGE_TOPIC_CONFIG, Type.STRING, Importance.HIGH,
                "Compacted topic holding connector and task statuses.")
            .define(STATUS_STORAGE_PARTITIONS_CONFIG, Type.INT, 5, InternalTopicValidators.partitions(),
                Importance.LOW, "Partitions of the status topic when the worker creates it.")
            .define(STATUS_STORAGE_REPLICATION_FACTOR_CONFIG, Type.SHORT, (short) 3,
                InternalTopicValidators.replicationFactor(), Importance.LOW,
                "Replication factor of the status topic when the worker creates it.")
            .define(CONNECT_PROTOCOL_CONFIG, Type.STRING, "sessioned", new ConnectProtocolValidator(), Importance.LOW,
                "Rebalancing protocol: eager, or incremental cooperative (compatible; sessioned adds request signing).")
            .define(SCHEDULED_REBALANCE_MAX_DELAY_MS_CONFIG, Type.INT, 300000, Range.between(0, Integer.MAX_VALUE),
                Importance.LOW, "How long the work of a departed worker waits for it to return before being "
                    + "reassigned to the others.")
            .define(INTER_WORKER_KEY_TTL_MS_CONFIG, Type.INT, 3600000, Range.between(0, Integer.MAX_VALUE),
                Importance.LOW, "How long the leader keeps the session key used to sign internal requests.")
            .define(INTER_WORKER_KEY_GENERATION_ALGORITHM_CONFIG, Type.STRING, HMAC_SHA256,
                InterWorkerCrypto.keyGenerator(), Importance.LOW, "Algorithm the leader generates session keys with.")
            .define(INTER_WORKER_KEY_SIZE_CONFIG, Type.INT, null, Importance.LOW,
                "Size in bits of session keys; the algorithm's default when unset.")
            .define(INTER_WORKER_SIGNATURE_ALGORITHM_CONFIG, Type.STRING, HMAC_SHA256, InterWorkerCrypto.mac(),
                Importance.LOW, "MAC algorithm this worker signs internal requests with.")
            .define(INTER_WORKER_VERIFICATION_ALGORITHMS_CONFIG, Type.LIST, HMAC_SHA256, InterWorkerCrypto.macList(),
                Importance.LOW, "MAC algorithms this worker accepts on internal requests; must include the "
                    + "signature algorithm.")
            .define(METADATA_RECOVERY_STRATEGY_CONFIG, Type.STRING, MetadataRecoveryStrategy.REBOOTSTRAP.name,
                ConfigDef.CaseInsensitiveValidString.in("REBOOTSTRAP", "NONE"), Importance.LOW,
                "What the worker's clients do when no known broker is reachable: rebootstrap or none.")
            .define(METADATA_RECOVERY_REBOOTSTRAP_TRIGGER_MS_CONFIG, Type.LONG, 300000L, Range.atLeast(0L),
                Importance.LOW, "How long without usable metadata before the clients rebootstrap.");
    }

    private void checkSignatureAlgorithmIsVerified() {
        String signature = getString(INTER_WORKER_SIGNATURE_ALGORITHM_CONFIG);
        if (!getList(INTER_WORKER_VERIFICATION_ALGORITHMS_CONFIG).contains(signature)) {
            throw new ConfigException(INTER_WORKER_SIGNATURE_ALGORITHM_CONFIG, signature,
                "Signature algorithm must be present in " + INTER_WORKER_VERIFICATION_ALGORITHMS_CONFIG + " list");
        }
    }

    /** The generator of the session keys the leader distributes; checks algorithm and key size together. */
    public KeyGenerator internalRequestKeyGenerator() {
        return InterWorkerCrypto.keyGenerator(getString(INTER_WORKER_KEY_GENERATION_ALGORITHM_CONFIG),
            getInt(INTER_WORKER_KEY_SIZE_CONFIG));
    }

    @Override
    public String groupId() {
        return getString(GROUP_ID_CONFIG);
    }

    @Override
    public Integer rebalanceTimeout() {
        return getInt(REBALANCE_TIMEOUT_MS_CONFIG);
    }

    @Override
    public boolean exactlyOnceSourceEnabled() {
        return exactlyOnceSourceSupport == ExactlyOnceSourceSupport.ENABLED;
    }

    /** Whether the leader writes the config topic through a fencing transactional producer. */
    public boolean transactionalLeaderEnabled() {
        return exactlyOnceSourceSupport.usesTransactionalLeader();
    }

    /** The transactional id every leader of this cluster shares, so a new leader fences the old one. */
    public String transactionalProducerId() {
        return transactionalProducerId(groupId());
    }

    public static String transactionalProducerId(String groupId) {
        return "connect-cluster-" + groupId;
    }

    @Override
    public String offsetsTopic() {
        return getString(OFFSET_STORAGE_TOPIC_CONFIG);
    }

    @Override
    public boolean connectorOffsetsTopicsPermitted() {
        return true;
    }

    public String configTopic() {
        return getString(CONFIG_TOPIC_CONFIG);
    }

    public String statusTopic() {
        return getString(STATUS_STORAGE_TOPIC_CONFIG);
    }

    public int offsetsTopicPartitions() {
        return getInt(OFFSET_STORAGE_PARTITIONS_CONFIG);
    }

    public int statusTopicPartitions() {
        return getInt(STATUS_STORAGE_PARTITIONS_CONFIG);
    }

    public short replicationFactor(String storagePrefix) {
        return getShort(storagePrefix + REPLICATION_FACTOR_SUFFIX);
    }

    public int sessionTimeoutMs() {
        return getInt(SESSION_TIMEOUT_MS_CONFIG);
    }

    public int workerSyncTimeoutMs() {
        return getInt(WORKER_SYNC_TIMEOUT_MS_CONFIG);
    }

    public int workerUnsyncBackoffMs() {
        return getInt(WORKER_UNSYNC_BACKOFF_MS_CONFIG);
    }

    public int scheduledRebalanceMaxDelayMs() {
        return getInt(SCHEDULED_REBALANCE_MAX_DELAY_MS_CONFIG);
    }

    public List<String> verificationAlgorithms() {
        return getList(INTER_WORKER_VERIFICATION_ALGORITHMS_CONFIG);
    }
}
