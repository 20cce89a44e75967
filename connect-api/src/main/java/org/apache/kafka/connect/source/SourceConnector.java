package org.apache.kafka.connect.source;

import java.util.Map;

import org.apache.kafka.connect.connector.Connector;

/** A connector that imports data from an external system into Kafka. */
public abstract class SourceConnector extends Connector {

    @Override
    protected SourceConnectorContext context() {
        return (SourceConnectorContext) context;
    }

    /**
     * Whether exactly-once delivery is possible with this config. The default, null, means the
     * connector does not say; the runtime then treats it as unsupported where support is required.
     */
    public ExactlyOnceSupport exactlyOnceSupport(Map<String, String> connectorConfig) {
        return null;
    }

    /** Whether tasks can define transaction boundaries with this config. The default says no. */
    public ConnectorTransactionBoundaries canDefineTransactionBoundaries(Map<String, String> connectorConfig) {
        return ConnectorTransactionBoundaries.UNSUPPORTED;
    }

    /**
     * Called when a user alters or resets (null value) offsets of this connector. Connectors that can
     * validate or apply such changes override this; returning true acknowledges, the default declines.
     */
    public boolean alterOffsets(Map<String, String> connectorConfig, Map<Map<String, ?>, Map<String, ?>> offsets) {
        return false;
    }
}
