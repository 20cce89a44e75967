package io.tributary.connect.status;

import io.tributary.connect.model.ConnectorTaskId;
import io.tributary.connect.storage.KafkaLog;
import io.tributary.connect.storage.KafkaLogSettings;
import io.tributary.connect.model.State;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.connect.errors.DataException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Statuses of the whole cluster in the status topic. Every worker reads every status back, so any
 * worker can answer REST status requests. Writes update the local view at once (so the writer reads
 * its own writes) and are then confirmed by the topic, whose order decides in the end.
 */
public final class KafkaStatusStore implements StatusStore {

    private static final Logger log = LoggerFactory.getLogger(KafkaStatusStore.class);

    private final KafkaLog kafkaLog;
    private final Map<String, ConnectorStatus> connectors = new ConcurrentHashMap<>();
    private final Map<String, Map<Integer, TaskStatus>> tasks = new ConcurrentHashMap<>();
    private final Map<String, Map<String, TopicStatus>> topics = new ConcurrentHashMap<>();
    // Per key, how many writes this worker made: a failed write is retried only if it is still the latest.
    private final Map<String, Long> writeSequences = new ConcurrentHashMap<>();

    public KafkaStatusStore(KafkaLogSettings settings, Time time) {
        this.kafkaLog = new KafkaLog(settings, this::apply, time);
    }

    @Override
    public void start() {
        kafkaLog.start();
    }

    @Override
    public void stop() {
        kafkaLog.stop();
    }

    @Override
    public void put(ConnectorStatus status) {
        boolean removed = status.state() == State.DESTROYED;
        cache(status.connector(), removed ? null : status);
        send(StatusRecordCodec.connectorKey(status.connector()), removed ? null : StatusRecordCodec.encode(status));
    }

    @Override
    public void put(TaskStatus status) {
        boolean removed = status.state() == State.DESTROYED;
        cache(status.id(), removed ? null : status);
        send(StatusRecordCodec.taskKey(status.id()), removed ? null : StatusRecordCodec.encode(status));
    }

    @Override
    public synchronized void putSafe(ConnectorStatus status) {
        ConnectorStatus current = connectors.get(status.connector());
        if (current != null && !StatusStore.safelyReplaces(current.workerId(), current.generation(),
                status.workerId(), status.generation())) {
            log.debug("Not writing status of {} from generation {}: generation {} already reported",
                    status.connector(), status.generation(), current.generation());
            return;
        }
        put(status);
    }

    @Override
    public synchronized void putSafe(TaskStatus status) {
        TaskStatus current = get(status.id());
        if (current != null && !StatusStore.safelyReplaces(current.workerId(), current.generation(),
                status.workerId(), status.generation())) {
            log.debug("Not writing status of {} from generation {}: generation {} already reported",
                    status.id(), status.generation(), current.generation());
            return;
        }
        put(status);
    }

    @Override
    public ConnectorStatus get(String connector) {
        return connectors.get(connector);
    }

    @Override
    public TaskStatus get(ConnectorTaskId id) {
        Map<Integer, TaskStatus> byTask = tasks.get(id.connector());
        return byTask == null ? null : byTask.get(id.task());
    }

    @Override
    public Collection<TaskStatus> getAll(String connector) {
        Map<Integer, TaskStatus> byTask = tasks.get(connector);
        return byTask == null ? List.of() : List.copyOf(byTask.values());
    }

    @Override
    public Set<String> connectors() {
        return Set.copyOf(connectors.keySet());
    }

    @Override
    public void put(TopicStatus status) {
        cache(status.connector(), status.topic(), status);
        send(StatusRecordCodec.topicKey(status.connector(), status.topic()), StatusRecordCodec.encode(status));
    }

    @Override
    public TopicStatus getTopic(String connector, String topic) {
        Map<String, TopicStatus> byTopic = topics.get(connector);
        return byTopic == null ? null : byTopic.get(topic);
    }

    @Override
    public Collection<TopicStatus> getAllTopics(String connector) {
        Map<String, TopicStatus> byTopic = topics.get(connector);
        return byTopic == null ? List.of() : List.copyOf(byTopic.values());
    }

    @Override
    public void deleteTopic(String connector, String topic) {
        cache(connector, topic, null);
        send(StatusRecordCodec.topicKey(connector, topic), null);
    }

    /** Tombstones the connector's status, its tasks' and its topics', so compaction drops them all. */
    @Override
    public void remove(String connector) {
        for (TaskStatus task : getAll(connector)) {
            cache(task.id(), null);
            send(StatusRecordCodec.taskKey(task.id()), null);
        }
        for (TopicStatus topic : getAllTopics(connector)) {
            deleteTopic(connector, topic.topic());
        }
        cache(connector, null);
        send(StatusRecordCodec.connectorKey(connector), null);
    }

    @Override
    public void flush() {
        kafkaLog.flush();
    }

    /** Catches up with statuses written anywhere in the cluster before the call. */
    public void refresh() {
        kafkaLog.readToEnd().join();
    }

    private void send(String key, byte[] value) {
        long sequence = writeSequences.merge(key, 1L, Long::sum);
        send(key, value, sequence);
    }

    private void send(String key, byte[] value, long sequence) {
        kafkaLog.send(key.getBytes(StandardCharsets.UTF_8), value).whenComplete((ack, error) -> {
            if (error == null) {
                return;
            }
            if (error instanceof RetriableException && writeSequences.getOrDefault(key, 0L) == sequence) {
                log.warn("Retrying the write of status {} after: {}", key, error.getMessage());
                send(key, value, sequence);
            } else {
                log.error("Could not write status {}", key, error);
            }
        });
    }

    private void apply(ConsumerRecord<byte[], byte[]> record) {
        if (record.key() == null) {
            return;
        }
        String key = new String(record.key(), StandardCharsets.UTF_8);
        StatusRecordCodec.Key subject = StatusRecordCodec.parseKey(key);
        if (subject == null) {
            log.warn("Ignoring status record with unknown key {}", key);
            return;
        }
        byte[] value = record.value();
        try {
            if (subject instanceof StatusRecordCodec.ConnectorKey k) {
                cache(k.connector(), value == null ? null : StatusRecordCodec.decodeConnector(k.connector(), value));
            } else if (subject instanceof StatusRecordCodec.TaskKey k) {
                cache(k.id(), value == null ? null : StatusRecordCodec.decodeTask(k.id(), value));
            } else if (subject instanceof StatusRecordCodec.TopicKey k) {
                cache(k.connector(), k.topic(), value == null ? null : StatusRecordCodec.decodeTopic(value));
            }
        } catch (DataException e) {
            log.error("Ignoring unreadable status record {}: {}", key, e.getMessage());
        }
    }

    private void cache(String connector, ConnectorStatus status) {
        if (status == null) {
            connectors.remove(connector);
        } else {
            connectors.put(connector, status);
        }
    }

    private void cache(ConnectorTaskId id, TaskStatus status) {
        if (status == null) {
            Map<Integer, TaskStatus> byTask = tasks.get(id.connector());
            if (byTask != null) {
                byTask.remove(id.task());
            }
        } else {
            tasks.computeIfAbsent(id.connector(), name -> new ConcurrentSkipListMap<>()).put(id.task(), status);
        }
    }

    private void cache(String connector, String topic, TopicStatus status) {
        if (status == null) {
            Map<String, TopicStatus> byTopic = topics.get(connector);
            if (byTopic != null) {
                byTopic.remove(topic);
            }
        } else {
            topics.computeIfAbsent(connector, name -> new ConcurrentSkipListMap<>()).put(topic, status);
        }
    }
}
