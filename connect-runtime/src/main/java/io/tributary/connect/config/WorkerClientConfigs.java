package io.tributary.connect.config;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.connect.connector.policy.ConnectorClientConfigRequest.ClientType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the configurations of the Kafka clients a worker creates for connectors and tasks. Each is layered:
 * the worker's defaults for that use, then the worker file's {@code producer.}/{@code consumer.}/{@code admin.}
 * settings, then the metrics context, then the connector's policy-checked overrides.
 */
public final class WorkerClientConfigs {

    private static final Logger log = LoggerFactory.getLogger(WorkerClientConfigs.class);

    /**
     * Fetch settings of a sink task's consumer, tuned for draining a backlog; the user's consumer. and
     * consumer.override. settings still win. The consumer asks for a partition's next data only once the
     * records fetched before are all handed out, so: polls of up to 2000 records hand out a whole fetch of
     * small records at once, and the next fetch travels while the task puts them; fetches of at most 480 KiB
     * per partition stay below G1's humongous-object size (half a region, regions being at least 1 MiB),
     * which at 1 MiB triggered a concurrent GC cycle every few fetches; the socket buffer is left to the OS
     * to size so a whole response can arrive while the task is busy. Delivery is unaffected: offsets are
     * still committed only after a successful flush.
     */
    static final Map<String, String> SINK_FETCH_DEFAULTS = Map.of(
        ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000",
        ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, Integer.toString(480 * 1024),
        ConsumerConfig.RECEIVE_BUFFER_CONFIG, "-1");

    private final WorkerConfig worker;
    private final String kafkaClusterId;

    public WorkerClientConfigs(WorkerConfig worker, String kafkaClusterId) {
        this.worker = worker;
        this.kafkaClusterId = kafkaClusterId;
    }

    private static final int PRODUCER_BATCH_SIZE_BYTES = 64 * 1024;
    private static final int PRODUCER_LINGER_MS = 5;
    private static final long PRODUCER_BUFFER_BYTES = 4L * 1024 * 1024;
    /** Partitions that can each hold an open batch before a send waits for buffer space. */
    private static final int PRODUCER_BUFFERED_BATCHES = 64;
    private static final int CLIENT_MAX_REQUEST_SIZE = 1024 * 1024;

    /** Producer of a source task (or of a sink's dead letter queue). Records are bytes already converted. */
    public Map<String, Object> producer(String clientId, ConnectorClientOverrides overrides) {
        Map<String, Object> props = new HashMap<>();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, worker.bootstrapServers());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        // Keep order and never give up on a record: the task's offsets must not pass a lost or reordered one.
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Integer.toString(Integer.MAX_VALUE));
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Long.toString(Long.MAX_VALUE));
        // Idempotence keeps per-partition order and writes no duplicate on retry with up to 5 requests in
        // flight, so the task no longer waits a round trip per batch as with a single request in flight.
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
        // Converted records repeat their schema envelope, so lz4 shrinks them several times over for little CPU:
        // fewer requests and bytes for this worker, the broker and every consumer (all clients read lz4).
        // Batches of 64 KiB rather than the client's 16 KiB: each batch costs a request, an acknowledgement, a
        // broker append, a fetch wake-up for consumers at the end of the log and two 64 KiB lz4 buffers. With
        // 16 KiB, a 1M-record pipeline used a third more worker CPU and varied twice as much from run to run.
        // Records in flight stay bounded by the task's unacknowledged-record limit; linger.ms stays small so
        // slow streams are not held back.
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(PRODUCER_BATCH_SIZE_BYTES));
        props.put(ProducerConfig.LINGER_MS_CONFIG, Integer.toString(PRODUCER_LINGER_MS));
        props.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        Map<String, Object> workerSettings = worker.originalsWithPrefix(WorkerConfig.PRODUCER_PREFIX);
        Map<String, Object> connectorSettings = overrides.forClient(ClientType.PRODUCER);
        props.putAll(workerSettings);
        props.putAll(metricsContext());
        props.putAll(connectorSettings);
        Map<String, Object> userSettings = new HashMap<>(workerSettings);
        userSettings.putAll(connectorSettings);
        keepIdempotenceConsistent(props, userSettings);
        sizeBuffer(props, userSettings);
        return props;
    }

    /**
     * Records stay in the producer's buffer until acknowledged. The client's 32 MiB let a fast source keep over
     * 100,000 converted records (and their callbacks) alive at once, long enough for the collector to promote
     * them, which doubled the worker's resident memory; a few MiB still hold dozens of batches. The buffer
     * must fit the largest record the user allows, so it grows with a larger max.request.size, and it keeps
     * room for an open batch on each of 64 partitions, so it grows with a larger batch.size too.
     */
    private static void sizeBuffer(Map<String, Object> props, Map<String, Object> userSettings) {
        if (userSettings.containsKey(ProducerConfig.BUFFER_MEMORY_CONFIG)) {
            return;
        }
        long largestRequest = intSetting(props, ProducerConfig.MAX_REQUEST_SIZE_CONFIG, CLIENT_MAX_REQUEST_SIZE);
        long batches = (long) PRODUCER_BUFFERED_BATCHES
            * intSetting(props, ProducerConfig.BATCH_SIZE_CONFIG, PRODUCER_BATCH_SIZE_BYTES);
        props.put(ProducerConfig.BUFFER_MEMORY_CONFIG,
            Long.toString(Math.max(PRODUCER_BUFFER_BYTES, Math.max(2 * largestRequest, batches))));
    }

    /**
     * Idempotence is our default, not the user's choice: when their settings (acks, retries, more than 5
     * requests in flight) rule it out, it is turned off instead of failing the producer, and order is then
     * kept with a single request in flight unless they chose otherwise.
     */
    private static void keepIdempotenceConsistent(Map<String, Object> props, Map<String, Object> userSettings) {
        if (userSettings.containsKey(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG)) {
            return;
        }
        String acks = String.valueOf(props.get(ProducerConfig.ACKS_CONFIG)).trim();
        boolean compatible = (acks.equals("all") || acks.equals("-1"))
                && intSetting(props, ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5) <= 5
                && intSetting(props, ProducerConfig.RETRIES_CONFIG, 1) > 0;
        if (!compatible) {
            props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "false");
            if (!userSettings.containsKey(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION)) {
                props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "1");
            }
        }
    }

    /** A numeric client setting as given (string or number); unparsable values are left for the client to reject. */
    private static int intSetting(Map<String, Object> props, String key, int absent) {
        Object value = props.get(key);
        if (value == null) {
            return absent;
        }
        try {
            return Integer.parseInt(value.toString().trim());
        } catch (NumberFormatException e) {
            return absent;
        }
    }

    /**
     * Transactional producer of an exactly-once source task, as Kafka Connect configures it: idempotence on (a user's
     * explicit false is overridden with a warning, as is a transactional.id of their own) and the task's
     * transactional id, stable across restarts and workers, so that a new instance fences its predecessor.
     */
    public Map<String, Object> exactlyOnceProducer(String connectorName, int taskNumber,
                                                   ConnectorClientOverrides overrides) {
        Map<String, Object> props = producer("connector-producer-" + connectorName + "-" + taskNumber, overrides);
        String why = "for connectors when exactly-once source support is enabled";
        ensure(props, ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true", why, false);
        ensure(props, ProducerConfig.TRANSACTIONAL_ID_CONFIG,
            taskTransactionalId(worker.groupId(), connectorName, taskNumber), why, true);
        return props;
    }

    /** Sets a client setting the runtime depends on, warning when the user's value is set aside. */
    private static void ensure(Map<String, Object> props, String key, String value, String why,
                               boolean caseSensitive) {
        Object current = props.get(key);
        String given = current == null ? null : current.toString().trim();
        boolean same = given != null && (caseSensitive ? given.equals(value) : given.equalsIgnoreCase(value));
        if (given != null && !same) {
            log.warn("Ignoring configured value for '{}' of '{}' and setting it to '{}' {}", key, given, value, why);
        }
        props.put(key, value);
    }

    /**
     * Connection, security and DNS settings of the worker file only, for clients of Connect's own topics (a
     * connector's offsets topic among them): other worker keys would make the clients warn about them.
     */
    public Map<String, Object> internalTopicClients() {
        Map<String, Object> props = new HashMap<>();
        worker.originals().forEach((key, value) -> {
            if (key.startsWith("ssl.") || key.startsWith("sasl.")
                    || key.equals(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG)
                    || key.equals(CommonClientConfigs.CLIENT_DNS_LOOKUP_CONFIG)) {
                props.put(key, value);
            }
        });
        props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, worker.bootstrapServers());
        return props;
    }

    /** Consumer of a sink task: its own group, manual commits, from the earliest offset on first start. */
    public Map<String, Object> sinkConsumer(String connectorName, String clientId,
                                            ConnectorClientOverrides overrides) {
        Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, worker.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, sinkConsumerGroupId(connectorName));
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        props.putAll(SINK_FETCH_DEFAULTS);
        props.putAll(worker.originalsWithPrefix(WorkerConfig.CONSUMER_PREFIX));
        props.putAll(metricsContext());
        props.putAll(overrides.forClient(ClientType.CONSUMER));
        return props;
    }

    /** Consumer reading a source connector's own offsets topic; only committed offsets count. */
    public Map<String, Object> sourceOffsetsConsumer(String connectorName, String clientId,
                                                     ConnectorClientOverrides overrides) {
        Map<String, Object> props = sinkConsumer(connectorName, clientId, overrides);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, IsolationLevel.READ_COMMITTED.toString());
        return props;
    }

    /**
     * Admin client for a connector (topic creation, dead letter queue, offsets). It inherits every plain worker
     * setting, so security settings written once at the top of the worker file apply to it.
     */
    public Map<String, Object> admin(String clientId, ConnectorClientOverrides overrides) {
        Map<String, Object> props = new HashMap<>();
        worker.originals().forEach((key, value) -> {
            if (!key.startsWith(WorkerConfig.PRODUCER_PREFIX) && !key.startsWith(WorkerConfig.CONSUMER_PREFIX)
                    && !key.startsWith(WorkerConfig.ADMIN_PREFIX)) {
                props.put(key, value);
            }
        });
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, worker.bootstrapServers());
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, clientId);
        props.putAll(worker.originalsWithPrefix(WorkerConfig.ADMIN_PREFIX));
        props.putAll(metricsContext());
        props.putAll(overrides.forClient(ClientType.ADMIN));
        return props;
    }

    /** Metrics context labels (KIP-606): the worker's own plus the Kafka cluster id and Connect group id. */
    public Map<String, Object> metricsContext() {
        Map<String, Object> context = new HashMap<>(worker.originalsWithPrefix(WorkerConfig.METRICS_CONTEXT_PREFIX,
            false));
        context.put(CommonClientConfigs.METRICS_CONTEXT_PREFIX + WorkerConfig.CONNECT_KAFKA_CLUSTER_ID,
            kafkaClusterId);
        if (worker.groupId() != null) {
            context.put(CommonClientConfigs.METRICS_CONTEXT_PREFIX + WorkerConfig.CONNECT_GROUP_ID,
                worker.groupId());
        }
        return context;
    }

    /** The consumer group of a sink connector's tasks. */
    public static String sinkConsumerGroupId(String connectorName) {
        return "connect-" + connectorName;
    }

    /** The transactional id of an exactly-once source task; stable across restarts so zombies are fenced. */
    public static String taskTransactionalId(String groupId, String connectorName, int taskNumber) {
        return groupId + "-" + connectorName + "-" + taskNumber;
    }
}
