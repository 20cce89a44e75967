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

    /** Writes only if no newer generation has reported for the same connector. */
    void putSafe(ConnectorStatus status);

    /** Writes only if no newer generation has reported for the same task. */
    void putSafe(TaskStatus status);

    ConnectorStatus get(String connector);

    TaskStatus get(ConnectorTaskId id);

    Collection<TaskStatus> getAll(String connector);

    Set<String> connectors();

    /** Forgets a deleted connector and its tasks. */
    void remove(String connector);

    void flush();
}
