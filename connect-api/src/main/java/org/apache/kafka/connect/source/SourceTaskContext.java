package org.apache.kafka.connect.source;

import java.util.Map;

import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.connect.storage.OffsetStorageReader;

/** What the runtime lets a source task ask of it. */
public interface SourceTaskContext {

    /** The task's configuration as the runtime sees it. */
    Map<String, String> configs();

    /** Reads offsets committed earlier, so a restarted task can resume. */
    OffsetStorageReader offsetStorageReader();

    /**
     * The transaction controls, or null unless exactly-once support is on and the connector defines
     * transaction boundaries.
     */
    default TransactionContext transactionContext() {
        return null;
    }

    PluginMetrics pluginMetrics();
}
