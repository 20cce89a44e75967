package org.apache.kafka.connect.sink;

import org.apache.kafka.connect.connector.ConnectorContext;

/** The context handed to sink connectors. */
public interface SinkConnectorContext extends ConnectorContext {
}
