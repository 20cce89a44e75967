package org.apache.kafka.connect.health;

import java.util.Collection;
import java.util.Map;

/** A read-only view of the Connect cluster, offered to REST extensions. */
public interface ConnectClusterState {

    /** Names of the connectors currently deployed. */
    Collection<String> connectors();

    /** Health of the named connector and its tasks. */
    ConnectorHealth connectorHealth(String connName);

    /** The named connector's configuration; runtimes that cannot provide it throw. */
    default Map<String, String> connectorConfig(String connName) {
        throw new UnsupportedOperationException();
    }

    /** Details of the cluster; runtimes that cannot provide them throw. */
    default ConnectClusterDetails clusterDetails() {
        throw new UnsupportedOperationException();
    }
}
