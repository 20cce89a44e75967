package org.apache.kafka.connect.source;

import org.apache.kafka.connect.connector.ConnectorContext;
import org.apache.kafka.connect.storage.OffsetStorageReader;

/** The context handed to source connectors. */
public interface SourceConnectorContext extends ConnectorContext {

    /** Reads offsets committed by this connector's tasks. */
    OffsetStorageReader offsetStorageReader();
}
