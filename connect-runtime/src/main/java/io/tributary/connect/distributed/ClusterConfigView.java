package io.tributary.connect.distributed;

import io.tributary.connect.model.ConnectorTaskId;

import java.util.List;
import java.util.Set;

/**
 * What group membership needs from the config topic: the offset a snapshot was read to, and the connectors
 * and task ids to assign. The config store's snapshot implements or adapts to this.
 */
public interface ClusterConfigView {

    /** The config-topic offset this view reflects; -1 when nothing has been read. */
    long offset();

    Set<String> connectors();

    /** The tasks the connector currently has configs for, in task order; empty if none. */
    List<ConnectorTaskId> tasks(String connector);
}
