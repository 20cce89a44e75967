package org.apache.kafka.connect.rest;

import java.io.Closeable;

import org.apache.kafka.common.Configurable;
import org.apache.kafka.connect.components.Versioned;

/**
 * A plugin that adds JAX-RS resources or filters to the worker's REST server. The worker
 * configures it with the worker config, calls {@link #register} once, and closes it on shutdown.
 */
public interface ConnectRestExtension extends Configurable, Versioned, Closeable {

    void register(ConnectRestExtensionContext restPluginContext);
}
