package io.tributary.connect.worker;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import io.tributary.connect.model.ConnectorTaskId;
import io.tributary.connect.status.ConnectorStatus;
import io.tributary.connect.status.MemoryStatusStore;
import io.tributary.connect.status.State;
import io.tributary.connect.status.StatusStore;
import io.tributary.connect.status.TaskStatus;
import io.tributary.connect.status.TopicStatus;

/** A memory status store that also keeps every task status written to it, in order. */
final class RecordingStatusStore implements StatusStore {

    private final MemoryStatusStore store = new MemoryStatusStore();
    private final List<TaskStatus> taskStatuses = new CopyOnWriteArrayList<>();

    /** Every task state reported so far, oldest first. */
    List<State> taskStates() {
        return taskStatuses.stream().map(TaskStatus::state).toList();
    }

    /** The newest task status with this state, or null. */
    TaskStatus lastWith(State state) {
        TaskStatus found = null;
        for (TaskStatus status : taskStatuses) {
            if (status.state() == state) {
                found = status;
            }
        }
        return found;
    }

    @Override
    public void start() {
        store.start();
    }

    @Override
    public void stop() {
        store.stop();
    }

    @Override
    public void put(ConnectorStatus status) {
        store.put(status);
    }

    @Override
    public void put(TaskStatus status) {
        taskStatuses.add(status);
        store.put(status);
    }

    @Override
    public void putSafe(ConnectorStatus status) {
        store.putSafe(status);
    }

    @Override
    public void putSafe(TaskStatus status) {
        taskStatuses.add(status);
        store.putSafe(status);
    }

    @Override
    public ConnectorStatus get(String connector) {
        return store.get(connector);
    }

    @Override
    public TaskStatus get(ConnectorTaskId id) {
        return store.get(id);
    }

    @Override
    public Collection<TaskStatus> getAll(String connector) {
        return store.getAll(connector);
    }

    @Override
    public Set<String> connectors() {
        return store.connectors();
    }

    @Override
    public void put(TopicStatus status) {
        store.put(status);
    }

    @Override
    public TopicStatus getTopic(String connector, String topic) {
        return store.getTopic(connector, topic);
    }

    @Override
    public Collection<TopicStatus> getAllTopics(String connector) {
        return store.getAllTopics(connector);
    }

    @Override
    public void deleteTopic(String connector, String topic) {
        store.deleteTopic(connector, topic);
    }

    @Override
    public void remove(String connector) {
        store.remove(connector);
    }

    @Override
    public void flush() {
        store.flush();
    }
}
