package io.tributary.connect.worker;

import java.io.PrintWriter;
import java.io.StringWriter;

import io.tributary.connect.model.ConnectorTaskId;
import io.tributary.connect.status.ConnectorStatus;
import io.tributary.connect.model.State;
import io.tributary.connect.status.StatusStore;
import io.tributary.connect.status.TaskStatus;

/** Writes the states of this worker's connector and task instances into the status store. */
public final class StatusReporter {

    private static final int GENERATION = 0;

    private final StatusStore store;
    private final String workerId;
    private volatile InstanceStateListener listener = InstanceStateListener.NONE;
    private final InstanceStateListener metrics;

    public StatusReporter(StatusStore store, String workerId) {
        this(store, workerId, InstanceStateListener.NONE);
    }

    /** @param metrics told of every state reported, after the store (metrics that follow the states) */
    public StatusReporter(StatusStore store, String workerId, InstanceStateListener metrics) {
        this.store = store;
        this.workerId = workerId;
        this.metrics = metrics;
    }

    /** Who else hears of each report, after the store (the herder's automatic restarts). */
    void listen(InstanceStateListener listener) {
        this.listener = listener;
    }

    public void connector(String connector, State state, String version) {
        store.put(new ConnectorStatus(connector, state, workerId, GENERATION, version));
        metrics.connectorState(connector, state, version, null);
        listener.connectorState(connector, state, version, null);
    }

    public void connectorFailed(String connector, Throwable cause, String version) {
        store.put(new ConnectorStatus(connector, State.FAILED, trace(cause), workerId, GENERATION, version));
        metrics.connectorState(connector, State.FAILED, version, cause);
        listener.connectorState(connector, State.FAILED, version, cause);
    }

    public void task(ConnectorTaskId id, State state, String version) {
        store.put(new TaskStatus(id, state, workerId, GENERATION, version));
        metrics.taskState(id, state, null);
        listener.taskState(id, state, null);
    }

    public void taskFailed(ConnectorTaskId id, Throwable cause, String version) {
        store.put(new TaskStatus(id, State.FAILED, trace(cause), workerId, GENERATION, version));
        metrics.taskState(id, State.FAILED, cause);
        listener.taskState(id, State.FAILED, cause);
    }

    /** The full stack trace, as the status API shows it. */
    static String trace(Throwable cause) {
        StringWriter out = new StringWriter();
        cause.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
