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

    public StatusReporter(StatusStore store, String workerId) {
        this.store = store;
        this.workerId = workerId;
    }

    /** Who else hears of each report, after the store (the herder's automatic restarts). */
    void listen(InstanceStateListener listener) {
        this.listener = listener;
    }

    public void connector(String connector, State state, String version) {
        store.put(new ConnectorStatus(connector, state, workerId, GENERATION, version));
        listener.connectorState(connector, state, null);
    }

    public void connectorFailed(String connector, Throwable cause, String version) {
        store.put(new ConnectorStatus(connector, State.FAILED, trace(cause), workerId, GENERATION, version));
        listener.connectorState(connector, State.FAILED, cause);
    }

    public void task(ConnectorTaskId id, State state, String version) {
        store.put(new TaskStatus(id, state, workerId, GENERATION, version));
        listener.taskState(id, state, null);
    }

    public void taskFailed(ConnectorTaskId id, Throwable cause, String version) {
        store.put(new TaskStatus(id, State.FAILED, trace(cause), workerId, GENERATION, version));
        listener.taskState(id, State.FAILED, cause);
    }

    /** The full stack trace, as the status API shows it. */
    static String trace(Throwable cause) {
        StringWriter out = new StringWriter();
        cause.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
