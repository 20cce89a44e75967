package io.tributary.connect.status;

import io.tributary.connect.distributed.GroupGeneration;
import io.tributary.connect.model.ConnectorTaskId;
import io.tributary.connect.model.State;

import java.util.Collection;
import java.util.Set;

/**
 * The status store a distributed worker hands its Worker: every status it writes carries the current group
 * generation, and the reports of instances that stop or fail go through {@code putSafe}, so a worker that lost
 * an instance in a rebalance cannot overwrite the status its new owner reported. Deletions (DESTROYED) are
 * written as they are.
 */
public final class GenerationStampingStatusStore implements StatusStore {

    private final StatusStore store;
    private final GroupGeneration generation;

    public GenerationStampingStatusStore(StatusStore store, GroupGeneration generation) {
        this.store = store;
        this.generation = generation;
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
        if (status.state() == State.DESTROYED) {
            store.put(status);
            return;
        }
        ConnectorStatus stamped = new ConnectorStatus(status.connector(), status.state(), status.trace(),
                status.workerId(), generation.current(), status.version());
        if (writtenSafely(status.state())) {
            store.putSafe(stamped);
        } else {
            store.put(stamped);
        }
    }

    @Override
    public void put(TaskStatus status) {
        if (status.state() == State.DESTROYED) {
            store.put(status);
            return;
        }
        TaskStatus stamped = new TaskStatus(status.id(), status.state(), status.trace(), status.workerId(),
                generation.current(), status.version());
        if (writtenSafely(status.state())) {
            store.putSafe(stamped);
        } else {
            store.put(stamped);
        }
    }

    /**
     * Which reports may lose to a newer generation's, as in Kafka Connect: an instance that stops (UNASSIGNED) or
     * fails may have been handed to another worker already. Reports of an instance that runs, pauses, stops or
     * restarts come from its current owner and are always written, as Kafka Connect workers write them.
     */
    private static boolean writtenSafely(State state) {
        return state == State.UNASSIGNED || state == State.FAILED;
    }

    @Override
    public void putSafe(ConnectorStatus status) {
        put(status);
    }

    @Override
    public void putSafe(TaskStatus status) {
        put(status);
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
