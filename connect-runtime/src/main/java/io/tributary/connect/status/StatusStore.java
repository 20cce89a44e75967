package io.tributary.connect.status;

import io.tributary.connect.model.ConnectorTaskId;

import java.util.Collection;
import java.util.Set;

/**
 * Where connector and task statuses are kept: in memory for standalone, in the status topic for
 * distributed. Writes may be asynchronous; reads answer the latest known status.
 */
public interface StatusStore {

    void start();

    void stop();

    void put(ConnectorStatus status);

    void put(TaskStatus status);

    /** Writes unless another worker reported for the connector in a newer generation ({@link #safelyReplaces}). */
    void putSafe(ConnectorStatus status);

    /** Writes unless another worker reported for the task in a newer generation ({@link #safelyReplaces}). */
    void putSafe(TaskStatus status);

    /**
     * Kafka Connect's rule for a safe write, which workers of both runtimes must share: it may replace no status,
     * a status the same worker wrote, or one from the same or an older generation. A worker that lost an instance
     * to another in a newer rebalance thus cannot overwrite the new owner's report.
     */
    static boolean safelyReplaces(String currentWorker, int currentGeneration, String worker, int generation) {
        return currentWorker == null || currentWorker.equals(worker) || currentGeneration <= generation;
    }

    ConnectorStatus get(String connector);

    TaskStatus get(ConnectorTaskId id);

    Collection<TaskStatus> getAll(String connector);

    Set<String> connectors();

    /** Records that a task of a connector uses a topic (once per topic is enough; later calls refresh it). */
    void put(TopicStatus status);

    /** When the connector was first seen using the topic, or null if it was not (since the last reset). */
    TopicStatus getTopic(String connector, String topic);

    /** The topics the connector was seen using. */
    Collection<TopicStatus> getAllTopics(String connector);

    /** Forgets that the connector used the topic, e.g. for PUT /connectors/{name}/topics/reset. */
    void deleteTopic(String connector, String topic);

    /** Forgets a deleted connector, its tasks and its topics. */
    void remove(String connector);

    void flush();
}
