package io.tributary.connect.rest.extensions;

import jakarta.ws.rs.core.Configurable;
import org.apache.kafka.connect.health.ConnectClusterState;
import org.apache.kafka.connect.rest.ConnectRestExtensionContext;

/** What each REST extension's {@code register} receives: the main REST application and the cluster's state. */
record ExtensionContext(Configurable<? extends Configurable<?>> configurable, ConnectClusterState clusterState)
        implements ConnectRestExtensionContext {
}
