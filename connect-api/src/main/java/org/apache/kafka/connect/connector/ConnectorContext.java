package org.apache.kafka.connect.connector;

import org.apache.kafka.common.metrics.PluginMetrics;

/** What the runtime lets a connector ask of it. */
public interface ConnectorContext {

    /** Asks the runtime to call taskConfigs again and restart tasks if their configs changed. */
    void requestTaskReconfiguration();

    /** Reports a failure that happened outside start/stop, putting the connector into FAILED. */
    void raiseError(Exception e);

    /** Metrics registry scoped to this connector. */
    PluginMetrics pluginMetrics();
}
