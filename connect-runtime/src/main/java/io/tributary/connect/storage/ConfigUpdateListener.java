package io.tributary.connect.storage;

import io.tributary.connect.model.ConnectorTaskId;
import io.tributary.connect.model.RestartRequest;

import java.util.Collection;

/**
 * Told about config-topic changes read after the store started (whoever wrote them). Calls come from the
 * store's reader thread; implementations should hand the work to their own thread and return quickly.
 */
public interface ConfigUpdateListener {

    void onConnectorConfigUpdate(String connector);

    void onConnectorConfigRemove(String connector);

    /** A commit made new task configs current (or, with an empty count, removed them). */
    void onTaskConfigUpdate(Collection<ConnectorTaskId> tasks);

    void onConnectorTargetStateChange(String connector);

    void onSessionKeyUpdate(SessionKey key);

    void onRestartRequest(RestartRequest request);

    /** A cluster-wide log level change; not replayed from history when a worker starts. */
    void onLoggingLevelUpdate(String namespace, String level);
}
