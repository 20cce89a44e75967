package org.apache.kafka.connect.sink;

import java.util.Map;

import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.connector.Connector;

/** A connector that writes records from Kafka topics to an external system. */
public abstract class SinkConnector extends Connector {

    /** The config listing the topics to consume. */
    public static final String TOPICS_CONFIG = "topics";

    @Override
    protected SinkConnectorContext context() {
        return (SinkConnectorContext) context;
    }

    /**
     * Called when a user alters or resets (null offset) this connector's consumer offsets. Connectors that
     * track offsets externally override this; returning true acknowledges the request, the default declines.
     */
    public boolean alterOffsets(Map<String, String> connectorConfig, Map<TopicPartition, Long> offsets) {
        return false;
    }
}
