package io.tributary.connect.worker;

import io.tributary.connect.metrics.ConnectMetrics;
import io.tributary.connect.metrics.MetricGroup;
import io.tributary.connect.model.State;

import java.util.Locale;
import java.util.Map;

/**
 * {@code connector-metrics} for one connector on this worker: what it is (class, version, source or sink)
 * and the state this worker last reported for it. Registered as soon as the worker is asked to run the
 * connector, even when its class cannot be loaded, and removed when the worker no longer runs it.
 */
final class ConnectorMetrics implements AutoCloseable {

    static final String GROUP = "connector-metrics";

    private final MetricGroup group;
    private volatile String version;
    private volatile State state = State.UNASSIGNED;

    ConnectorMetrics(ConnectMetrics metrics, String connector, String connectorClass, String type) {
        this.group = metrics.group(GROUP, Map.of("connector", connector));
        group.gauge("connector-class", "The connector's class name, as configured.", now -> connectorClass);
        group.gauge("connector-type", "Whether the connector is a 'source' or a 'sink' connector.", now -> type);
        group.gauge("connector-version", "The version the connector reports for itself.", now -> version);
        group.gauge("status", "The connector's state on this worker, in lower case: unassigned, running, paused, "
                + "stopped, failed or restarting.", now -> state.name().toLowerCase(Locale.ROOT));
    }

    /** The state this worker just reported for the connector, with the version it reported with it. */
    void state(State state, String version) {
        if (version != null) {
            this.version = version;
        }
        if (state != State.DESTROYED) {
            this.state = state;
        }
    }

    @Override
    public void close() {
        group.close();
    }
}
