package io.tributary.connect.status;

import io.tributary.connect.model.ConnectorTaskId;
import io.tributary.connect.model.State;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/** Statuses of a single standalone worker; nothing outlives the process. */
public final class MemoryStatusStore implements StatusStore {

    private final Map<String, ConnectorStatus> connectors = new ConcurrentHashMap<>();
    private final Map<String, Map<Integer, TaskStatus>> tasks = new ConcurrentHashMap<>();
    private final Map<String, Map<String, TopicStatus>> topics = new ConcurrentHashMap<>();

    @Override
    public void start() {
    }

    @Override
    public void stop() {
    }

    @Override
    public void put(ConnectorStatus status) {
        if (status.state() == State.DESTROYED) {
            connectors.remove(status.connector());
        } else {
            connectors.put(status.connector(), status);
        }
    }

    @Override
    public void put(TaskStatus status) {
        Map<Integer, TaskStatus> byTask = tasks.computeIfAbsent(status.id().connector(),
                name -> new ConcurrentSkipListMap<>());
        if (status.state() == State.DESTROYED) {
            byTask.remove(status.id().task());
        } else {
            byTask.put(status.id().task(), status);
        }
    }

    @Override
    public void putSafe(ConnectorStatus status) {
        connectors.compute(status.connector(), (name, current) -> current == null || StatusStore.safelyReplaces(
                current.workerId(), current.generation(), status.workerId(), status.generation()) ? status : current);
    }

    @Override
    public void putSafe(TaskStatus status) {
        tasks.computeIfAbsent(status.id().connector(), name -> new ConcurrentSkipListMap<>())
                .compute(status.id().task(), (id, current) -> current == null || StatusStore.safelyReplaces(
                        current.workerId(), current.generation(), status.workerId(), status.generation())
                        ? status : current);
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
        topics.computeIfAbsent(status.connector(), name -> new ConcurrentSkipListMap<>()).put(status.topic(), status);
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
        Map<String, TopicStatus> byTopic = topics.get(connector);
        if (byTopic != null) {
            byTopic.remove(topic);
        }
    }

    @Override
    public void remove(String connector) {
        connectors.remove(connector);
        tasks.remove(connector);
        topics.remove(connector);
    }

    @Override
    public void flush() {
    }
}
