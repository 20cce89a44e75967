package org.apache.kafka.connect.connector.policy;

import java.util.List;

import org.apache.kafka.common.Configurable;
import org.apache.kafka.common.config.ConfigValue;

/** Decides which Kafka client properties a connector may override in its own config. */
public interface ConnectorClientConfigOverridePolicy extends Configurable, AutoCloseable {

    /** One result per requested property; any error message rejects the connector config. */
    List<ConfigValue> validate(ConnectorClientConfigRequest connectorClientConfigRequest);
}
