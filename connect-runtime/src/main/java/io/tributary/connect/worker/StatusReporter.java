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
    private final Observer observer;

    public StatusReporter(StatusStore store, String workerId) {
        this(store, workerId, Observer.NONE);
    }

    /** @param observer told of every state reported, after the store (e.g. metrics that follow the states) */
    public StatusReporter(StatusStore store, String workerId, Observer observer) {
        this.store = store;
        this.workerId = workerId;
        this.observer = observer;
    }

    /** Who else hears of each report, after the store (the herder's automatic restarts). */
    void listen(InstanceStateListener listener) {
        this.listener = listener;
    }

    public void connector(String connector, State state, String version) {
        store.put(new ConnectorStatus(connector, state, workerId, GENERATION, version));
        observer.connector(connector, state, version);
        listener.connectorState(connector, state, null);
    }

    public void connectorFailed(String connector, Throwable cause, String version) {
        store.put(new ConnectorStatus(connector, State.FAILED, trace(cause), workerId, GENERATION, version));
        observer.connector(connector, State.FAILED, version);
        listener.connectorState(connector, State.FAILED, cause);
    }

    public void task(ConnectorTaskId id, State state, String version) {
        store.put(new TaskStatus(id, state, workerId, GENERATION, version));
        observer.task(id, state);
        listener.taskState(id, state, null);
    }

    public void taskFailed(ConnectorTaskId id, Throwable cause, String version) {
        store.put(new TaskStatus(id, State.FAILED, trace(cause), workerId, GENERATION, version));
        listener.taskState(id, State.FAILED, cause);
        observer.task(id, State.FAILED);
    }

    /** Hears the states this worker reports for its connectors and tasks. */
    public interface Observer {
        Observer NONE = new Observer() {
            @Override
            public void connector(String connector, State state, String version) {
            }

            @Override
            public void task(ConnectorTaskId id, State state) {
            }
        };

        void connector(String connector, State state, String version);

        void task(ConnectorTaskId id, State state);
    }

    /** The full stack trace, as the status API shows it. */
    static String trace(Throwable cause) {
        StringWriter out = new StringWriter();
        cause.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
