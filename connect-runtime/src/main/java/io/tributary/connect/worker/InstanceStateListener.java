package io.tributary.connect.worker;

import io.tributary.connect.model.ConnectorTaskId;
import io.tributary.connect.model.State;

/**
 * Told of every state this worker's connector and task instances report, on the thread that reports it (a task
 * thread, a connector's call lane, the herder thread): it must only hand the news on, never block.
 */
public interface InstanceStateListener {

    InstanceStateListener NONE = new InstanceStateListener() {
        @Override
        public void connectorState(String connector, State state, String version, Throwable failure) {
        }

        @Override
        public void taskState(ConnectorTaskId id, State state, Throwable failure) {
        }
    };

    /**
     * @param version the connector's version as reported with the state (may be null)
     * @param failure why it FAILED; null for other states
     */
    void connectorState(String connector, State state, String version, Throwable failure);

    /** @param failure why it FAILED; null for other states */
    void taskState(ConnectorTaskId id, State state, Throwable failure);
}
