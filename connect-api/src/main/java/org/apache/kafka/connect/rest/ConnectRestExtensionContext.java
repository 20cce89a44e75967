package org.apache.kafka.connect.rest;

import jakarta.ws.rs.core.Configurable;

import org.apache.kafka.connect.health.ConnectClusterState;

/** What a REST extension may use while registering itself. */
public interface ConnectRestExtensionContext {

    /** Where to register JAX-RS components. */
    Configurable<? extends Configurable<?>> configurable();

    /** A view of the cluster's connectors and their health. */
    ConnectClusterState clusterState();
}
