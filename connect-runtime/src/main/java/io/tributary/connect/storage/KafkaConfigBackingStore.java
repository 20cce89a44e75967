package io.tributary.connect.storage;

import io.tributary.connect.model.ConnectorTaskId;
import io.tributary.connect.model.RestartRequest;
import io.tributary.connect.model.TargetState;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.DataException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The config store of a distributed cluster: the one-partition config topic, read in full at start
 * and followed afterwards. Every write waits for the broker and then for the record to come back
 * through the reader, so the caller's next {@link #snapshot()} includes it.
 */
public final class KafkaConfigBackingStore implements ConfigBackingStore {

    private static final Logger log = LoggerFactory.getLogger(KafkaConfigBackingStore.class);
    /** How long a write may take, broker acknowledgement and read-back together. */
    static final Duration WRITE_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaLogSettings settings;
    private final String transactionalId;
    private final KafkaLog kafkaLog;
    private final ConfigTopicState state;
    private final LogConfigWriter plainWriter;
    private volatile ConfigUpdateListener listener;
    private volatile boolean started;
    private TransactionalConfigWriter leaderWriter;
    private final Time time;

    /**
     * @param transactionalId null when leader-only writes need no fencing; otherwise the id shared by
     *                        the cluster (Apache uses {@code connect-cluster-<group.id>})
     */
    public KafkaConfigBackingStore(KafkaLogSettings settings, Time time, String transactionalId) {
        if (settings.partitions() > 1) {
            throw new ConnectException("The config topic must have exactly one partition, so that every worker"
                    + " reads its records in one order");
        }
        this.settings = new KafkaLogSettings(settings.topic(), settings.topicConfigKey(), 1,
                settings.replicationFactor(), settings.clientProperties(), settings.producerOverrides(),
                settings.consumerOverrides(), settings.startTimeout());
        this.transactionalId = transactionalId;
        this.time = time;
        this.state = new ConfigTopicState(new StartedOnlyListener());
        this.kafkaLog = new KafkaLog(this.settings, this::read, () -> started = true, time);
        this.plainWriter = new LogConfigWriter(kafkaLog);
    }

    @Override
    public void setUpdateListener(ConfigUpdateListener listener) {
        this.listener = listener;
    }

    @Override
    public void start() {
        kafkaLog.start();
        log.info("Read the config topic {} up to offset {}", settings.topic(), state.snapshot().offset());
    }

    @Override
    public synchronized void stop() {
        started = false;
        releaseWritePrivileges();
        kafkaLog.stop();
    }

    @Override
    public ClusterConfigState snapshot() {
        return state.snapshot();
    }

    @Override
    public boolean contains(String connector) {
        return state.snapshot().contains(connector);
    }

    @Override
    public void putConnectorConfig(String connector, Map<String, String> config, TargetState targetState) {
        List<ConfigRecord> records = new ArrayList<>();
        if (targetState != null) {
            records.add(new ConfigRecord.TargetStateChange(connector, targetState));
        }
        records.add(new ConfigRecord.ConnectorConfig(connector, config));
        writeAsLeader(records);
    }

    @Override
    public void removeConnectorConfig(String connector) {
        write(plainWriter, List.of(new ConfigRecord.ConnectorConfig(connector, null),
                new ConfigRecord.TargetStateChange(connector, null)));
    }

    @Override
    public void putTaskConfigs(String connector, List<Map<String, String>> taskConfigs) {
        List<ConfigRecord> records = new ArrayList<>();
        for (int task = 0; task < taskConfigs.size(); task++) {
            records.add(new ConfigRecord.TaskConfig(new ConnectorTaskId(connector, task), taskConfigs.get(task)));
        }
        records.add(new ConfigRecord.TaskCommit(connector, taskConfigs.size()));
        writeAsLeader(records);
    }

    @Override
    public void putTargetState(String connector, TargetState targetState) {
        write(plainWriter, List.of(new ConfigRecord.TargetStateChange(connector, targetState)));
    }

    @Override
    public void putSessionKey(SessionKey key) {
        // Acknowledged, not read back: nothing needs the key in the snapshot at once (the leader remembers the
        // key it wrote), and a new leader writes one before its worker is ready.
        List<ConfigRecord> records = List.of(new ConfigRecord.SessionKeyChange(key));
        send(leaderOnlyWriter(records), records);
    }

    @Override
    public void putRestartRequest(RestartRequest request) {
        write(plainWriter, List.of(new ConfigRecord.Restart(request)));
    }

    @Override
    public void putTaskCountRecord(String connector, int taskCount) {
        writeAsLeader(List.of(new ConfigRecord.TaskCountRecord(connector, taskCount)));
    }

    @Override
    public void putLoggerLevel(String namespace, String level) {
        write(plainWriter, List.of(new ConfigRecord.LoggerLevel(namespace, level)));
    }

    @Override
    public void refresh(Duration timeout) throws TimeoutException {
        try {
            kafkaLog.readToEnd().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new ConnectException("Could not read the config topic " + settings.topic(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectException("Interrupted while reading the config topic " + settings.topic(), e);
        }
    }

    @Override
    public synchronized void claimWritePrivileges() {
        if (transactionalId == null || leaderWriter != null) {
            return;
        }
        Map<String, Object> producerProps = settings.producerProperties();
        producerProps.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, transactionalId + "-leader");
        leaderWriter = new TransactionalConfigWriter(settings.topic(), transactionalId, producerProps);
        log.info("Claimed leader-only writes to the config topic {} as {}", settings.topic(), transactionalId);
    }

    @Override
    public synchronized void releaseWritePrivileges() {
        if (leaderWriter != null) {
            leaderWriter.close();
            leaderWriter = null;
        }
    }

    private void writeAsLeader(List<ConfigRecord> records) {
        write(leaderOnlyWriter(records), records);
    }

    /** The writer of leader-only records: the fencing one when write privileges are claimed through it. */
    private synchronized ConfigWriter leaderOnlyWriter(List<ConfigRecord> records) {
        if (transactionalId != null && leaderWriter == null) {
            throw new IllegalStateException("Only the leader may write " + records.get(records.size() - 1)
                    .getClass().getSimpleName() + " records; claim write privileges first");
        }
        return transactionalId == null ? plainWriter : leaderWriter;
    }

    /** Returns once the write is in {@link #snapshot()}. */
    private void write(ConfigWriter writer, List<ConfigRecord> records) {
        long deadline = time.nanoseconds() + WRITE_TIMEOUT.toNanos();
        send(writer, records);
        try {
            refresh(Duration.ofNanos(Math.max(0, deadline - time.nanoseconds())));
        } catch (TimeoutException e) {
            throw new ConnectException("Wrote to the config topic " + settings.topic()
                    + " but could not read the write back in time", e);
        }
    }

    /** Returns once the broker acknowledged the write. */
    private void send(ConfigWriter writer, List<ConfigRecord> records) {
        writer.write(records.stream().map(ConfigRecordCodec::encode).toList(), WRITE_TIMEOUT);
    }

    private void read(ConsumerRecord<byte[], byte[]> record) {
        state.advanceTo(record.offset());
        if (record.key() == null) {
            log.warn("Ignoring config record without a key at offset {}", record.offset());
            return;
        }
        String key = new String(record.key(), StandardCharsets.UTF_8);
        ConfigRecord decoded;
        try {
            decoded = ConfigRecordCodec.decode(key, record.value());
        } catch (DataException e) {
            log.error("Ignoring unreadable config record {} at offset {}: {}", key, record.offset(), e.getMessage());
            return;
        }
        if (decoded == null) {
            log.debug("Ignoring config record {} at offset {}", key, record.offset());
            return;
        }
        state.apply(decoded);
    }

    /** Passes changes on only once the history has been read, so start-up replays notify nobody. */
    private final class StartedOnlyListener implements ConfigUpdateListener {

        private ConfigUpdateListener target() {
            ConfigUpdateListener current = listener;
            return started && current != null ? current : null;
        }

        @Override
        public void onConnectorConfigUpdate(String connector) {
            ConfigUpdateListener target = target();
            if (target != null) {
                target.onConnectorConfigUpdate(connector);
            }
        }

        @Override
        public void onConnectorConfigRemove(String connector) {
            ConfigUpdateListener target = target();
            if (target != null) {
                target.onConnectorConfigRemove(connector);
            }
        }

        @Override
        public void onTaskConfigUpdate(Collection<ConnectorTaskId> tasks) {
            ConfigUpdateListener target = target();
            if (target != null) {
                target.onTaskConfigUpdate(tasks);
            }
        }

        @Override
        public void onConnectorTargetStateChange(String connector) {
            ConfigUpdateListener target = target();
            if (target != null) {
                target.onConnectorTargetStateChange(connector);
            }
        }

        @Override
        public void onSessionKeyUpdate(SessionKey key) {
            ConfigUpdateListener target = target();
            if (target != null) {
                target.onSessionKeyUpdate(key);
            }
        }

        @Override
        public void onRestartRequest(RestartRequest request) {
            ConfigUpdateListener target = target();
            if (target != null) {
                target.onRestartRequest(request);
            }
        }

        @Override
        public void onLoggingLevelUpdate(String namespace, String level) {
            ConfigUpdateListener target = target();
            if (target != null) {
                target.onLoggingLevelUpdate(namespace, level);
            }
        }
    }
}
